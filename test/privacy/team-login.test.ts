import { execFile } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteHandoffRepository } from "../../src/store/sqlite-handoff-repository.js";
import { CHROMIUM, launchBrowser } from "../helpers/browser.js";
import { teamLinkSecret, teamLogin } from "../helpers/team-login.js";
import { REPO_ROOT, tempDir, testConfig } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);

/** The team view behind a personal link: over HTTP, from the command line, and in Chromium. */
describe("the team view's login", () => {
  const temp = tempDir();
  let app: App;
  let url: string;
  let config: Config;
  let handoffId: string;

  const kennis = (...args: string[]) =>
    run(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(REPO_ROOT, "src/cli/kennis.ts"), ...args], {
      cwd: temp.dir,
      env: { PATH: process.env.PATH, DATA_DIR: temp.dir, KNOWLEDGE_DIR: config.knowledgeDir, ROSTER_FILE: config.rosterFile, WEB_PORT: new URL(url).port, LOG_LEVEL: "error" },
    });
  const statusOf = (id: string) => {
    const db = openDatabase(config.databasePath);
    try {
      return new SqliteHandoffRepository(db).get(id)?.handoff.status;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2" });
    app = createApp(config, createLogger("error"));
    await app.start();
    url = (app.channels[0] as WebChatChannel).url;
    // A shared question with the asker's name, so there is team data to protect.
    const asker = { conversationId: "login-1", userId: "user-login-1", userName: "Marieke Jansen" };
    const post = (route: string, body: object) => fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }).then((r) => r.json() as Promise<{ handoffId: string }>);
    ({ handoffId } = await post("/api/messages", { ...asker, text: "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?" }));
    await post("/api/actions", { ...asker, action: "share", handoffId });
  });
  afterAll(async () => {
    await app?.stop();
    temp.cleanup();
  });

  it("given no session, then the team API gives nothing, whatever ?als= says", async () => {
    for (const route of ["/api/tolk/handoffs", "/api/tolk/handoffs?als=tolk", "/api/tolk/signalen?als=coordinator", "/api/tolk/sessie"]) {
      const res = await fetch(`${url}${route}`);
      expect(res.status, route).toBe(401);
      expect(await res.text(), route).not.toMatch(/Marieke|evenementenvergunning/);
    }
    const claim = await fetch(`${url}/api/tolk/handoffs/${handoffId}/claim`, { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify({ als: "tolk" }) });
    expect(claim.status).toBe(401);
    expect(statusOf(handoffId)).toBe("open");
  });

  it("given a link printed by kennis -- team-link, then it opens a session with an HttpOnly, SameSite cookie; only the link's hash is stored", async () => {
    const { stdout } = await kennis("team-link", "tolk");
    const link = /(http:\/\/\S+\/tolk#sleutel=(\S+))/.exec(stdout);
    expect(link).not.toBeNull();
    const secret = link![2]!;
    const db = openDatabase(config.databasePath);
    const stored = db.prepare("SELECT token_hash FROM team_links").pluck().all() as string[];
    db.close();
    expect(stored.join()).not.toContain(secret);

    const res = await fetch(`${url}/api/tolk/sessie`, { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify({ token: secret }) });
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/^vliegwiel_team=[\w-]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+$/);
    const wrong = await fetch(`${url}/api/tolk/sessie`, { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify({ token: "geraden" }) });
    expect(wrong.status).toBe(401);
    await expect(kennis("team-link", "onbekend")).rejects.toMatchObject({ stderr: expect.stringMatching(/staat niet in/) });
  });

  it("given a session, then a change without the same origin, without the CSRF token, as text/plain or for another host is refused", async () => {
    const tolk = await teamLogin(url, config.databasePath, "tolk");
    expect((await tolk.get("/api/tolk/handoffs")).status).toBe(200);
    const cookie = await (async () => {
      const secret = teamLinkSecret(config.databasePath, "tolk");
      const res = await fetch(`${url}/api/tolk/sessie`, { method: "POST", headers: { "content-type": "application/json", origin: url }, body: JSON.stringify({ token: secret }) });
      return res.headers.get("set-cookie")!.split(";")[0]!;
    })();
    const claim = (headers: Record<string, string>, body = "{}") => fetch(`${url}/api/tolk/handoffs/${handoffId}/claim`, { method: "POST", headers: { cookie, ...headers }, body });
    expect((await claim({ "content-type": "application/json", origin: "http://evil.example" })).status).toBe(403);
    expect((await claim({ "content-type": "text/plain", origin: url })).status).toBe(415);
    expect((await claim({ "content-type": "application/json", origin: url })).status).toBe(403); // no CSRF token
    expect((await claim({ "content-type": "application/json", "sec-fetch-site": "cross-site" })).status).toBe(403);
    // DNS rebinding: another name pointing at this server gets nothing.
    const rebound = await new Promise<number>((resolve) => {
      http.get(`${url}/api/tolk/handoffs`, { headers: { host: "evil.example", cookie } }, (res) => resolve(res.statusCode!)).end();
    });
    expect(rebound).toBe(421);
    expect(statusOf(handoffId)).toBe("open");
  });

  it("given a revoked link, then its sessions end", async () => {
    const actor = await teamLogin(url, config.databasePath, "vrije-actor");
    expect((await actor.get("/api/tolk/handoffs")).status).toBe(200);
    const { stdout } = await kennis("team-link-intrekken", "vrije-actor");
    expect(stdout).toMatch(/^(?:1 link|\d+ links) van vrije-actor ingetrokken; open sessies zijn beëindigd\.$/m);
    expect((await actor.get("/api/tolk/handoffs")).status).toBe(401);
  });

  describe.skipIf(!CHROMIUM)("in Chromium", () => {
    let browser: Browser;
    let attacker: http.Server;
    let attackerUrl: string;
    beforeAll(async () => {
      browser = await launchBrowser();
      // Another site (localhost is another site than 127.0.0.1) with a page that tries to claim the handoff.
      attacker = http.createServer((_req, res) => {
        res.writeHead(200, { "content-type": "text/html" });
        res.end(`<!doctype html><form id="f" method="POST" enctype="text/plain" action="${url}/api/tolk/handoffs/${handoffId}/claim">
          <input name='{"eventKey":"forged","x":"' value='"}'></form>
          <script>fetch("${url}/api/tolk/handoffs/${handoffId}/claim", { method: "POST", mode: "no-cors", credentials: "include", body: "{}" })
            .finally(() => document.getElementById("f").submit());</script>`);
      });
      await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
      attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}/`;
    });
    afterAll(async () => {
      await browser?.close();
      attacker?.close();
    });

    it("given no session, then the team page shows no team data", async () => {
      const page = await browser.newPage();
      await page.goto(`${url}/tolk?als=tolk`);
      await page.getByText("Log in met je persoonlijke link").first().waitFor();
      expect(await page.locator("section.handoff").count()).toBe(0);
      expect(await page.content()).not.toMatch(/evenementenvergunning|Marieke/);
      await page.close();
    });

    it("given a logged-in tolk, then the link logs in and drops its secret from the address bar; a forged cross-site POST is refused", async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}/tolk#sleutel=${teamLinkSecret(config.databasePath, "tolk")}`);
      await page.locator('section.handoff[data-status="open"]').first().waitFor({ timeout: 15_000 });
      expect(page.url()).not.toContain("sleutel");
      expect(await page.getByText("Je bent ingelogd als Tolk van het netwerk").count()).toBe(1);
      const cookies = await context.cookies(url);
      expect(cookies.find((c) => c.name === "vliegwiel_team")).toMatchObject({ httpOnly: true, sameSite: "Strict" });
      expect(await page.evaluate(() => document.cookie)).toBe("");

      // The same browser visits another site, whose page posts to the team API.
      const evil = await context.newPage();
      const refused = evil.waitForResponse((r) => r.url().endsWith("/claim") && r.request().method() === "POST" && r.request().resourceType() === "document");
      await evil.goto(attackerUrl);
      expect((await refused).status()).toBe(403);
      expect(statusOf(handoffId)).toBe("open");

      // The tolk's own page still works.
      await page.locator('section.handoff[data-status="open"] button.claim').first().click();
      await page.locator('section.handoff[data-status="claimed"]').first().waitFor();
      expect(statusOf(handoffId)).toBe("claimed");
      await context.close();
    });
  });
});
