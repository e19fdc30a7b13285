import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM } from "../helpers/browser.js";
import { copyOfStarterKnowledge, tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebApp, type WebApp } from "../helpers/web-app.js";
import { teamLogin } from "../helpers/team-login.js";
import type { Config } from "../../src/config.js";

const ADVIES_URL = "https://example.org/advies-stadmakerij-flevoland";

/** What an asker of the local web chat sees across reloads, return visits, long conversations and sources. */
describe.skipIf(!CHROMIUM)("web chat for askers", () => {
  const temp = tempDir();
  let url: string;
  let config: Config;
  let browser: Browser;
  let web: WebApp | undefined;

  beforeAll(async () => {
    const knowledgeDir = copyOfStarterKnowledge(temp.dir);
    const metadata = path.join(knowledgeDir, "metadata.yaml");
    fs.writeFileSync(metadata, fs.readFileSync(metadata, "utf8").replace(/(advies-stadmakerij-flevoland-2021\.md:\n)/, `$1  url: ${ADVIES_URL}\n`));
    config = testConfig(temp.dir, { KNOWLEDGE_DIR: knowledgeDir, HANDOFF_TICK_SECONDS: "0.2" });
    web = await startWebApp(config);
    ({ url, browser } = web);
  });
  afterAll(async () => {
    await web?.stop();
    temp.cleanup();
  });

  const ask = async (page: Page, text: string) => {
    const before = await page.locator(".message.assistant:not(.waiting)").count();
    await page.fill("#question", text);
    await page.press("#question", "Enter");
    await page.locator(".message.assistant:not(.waiting)").nth(before).waitFor();
  };
  const tolk = async (route: string, body: object) => (await teamLogin(url, config.databasePath, "tolk")).postJson(`/api/tolk/handoffs/${route}`, body);
  const handoffIdOf = async (page: Page) => {
    const conversationId = await page.evaluate(() => localStorage.getItem("vliegwiel-conversation"));
    const res = (await (await fetch(`${url}/api/conversations/${encodeURIComponent(conversationId!)}/handoff`)).json()) as { handoff: { id: string; status: string } };
    return res.handoff;
  };

  /** A browser whose notifications are allowed and recorded, and whose tab can be told it is in the background. */
  async function askerContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: { width: 900, height: 700 } });
    await context.grantPermissions(["notifications"], { origin: url });
    await context.addInitScript(() => {
      const w = window as unknown as { __notifications: string[]; __hidden: boolean; Notification: typeof Notification };
      w.__notifications = [];
      const Real = w.Notification;
      w.Notification = class extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          w.__notifications.push(`${title}: ${options?.body ?? ""}`);
        }
      } as typeof Notification;
      Object.defineProperty(document, "visibilityState", { get: () => (w.__hidden ? "hidden" : "visible") });
    });
    return context;
  }

  it("given a handoff and a closed tab, then a return visit shows the whole conversation and the tolk's answer marked as new", async () => {
    const context = await askerContext();
    const page = await context.newPage();
    await page.goto(url);
    await ask(page, "Wat is een Community Benefit Agreement?");
    await ask(page, "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?");
    await page.locator('button[data-action="share"]').last().click();
    await page.getByText("Je vraag is doorgegeven").first().waitFor();

    await page.reload();
    await page.locator(".message.user").nth(1).waitFor();
    expect(await page.locator(".message.user").allInnerTexts()).toEqual(["Wat is een Community Benefit Agreement?", "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?"]);
    expect(await page.locator('.message.assistant[data-decision="answer"] .sources a').count()).toBeGreaterThan(0);
    await page.close();

    const handoff = await handoffIdOf(await context.newPage().then(async (p) => (await p.goto(url), p)));
    await tolk(`${handoff.id}/claim`, {});
    await tolk(`${handoff.id}/reply`, { text: "Vraag hem acht weken vooraf aan bij de gemeente." });

    const back = await context.newPage();
    await back.goto(url);
    const fresh = back.locator(".message.new", { hasText: "acht weken vooraf" });
    await fresh.waitFor({ timeout: 40_000 }); // the relay runs on the handoff ticker: slow on a loaded machine
    expect(await fresh.locator(".new-label").innerText()).toBe("Nieuw");
    expect(await back.locator(".message.user").count()).toBe(2);

    // Seen once, it is no longer new on the next visit.
    await back.reload();
    await back.getByText("acht weken vooraf").first().waitFor();
    expect(await back.locator(".message.new").count()).toBe(0);
    await context.close();
  }, 120_000);

  it("given the asker allowed notifications and the tab is in the background, then the tolk's answer gives a browser notification", async () => {
    const context = await askerContext();
    const page = await context.newPage();
    await page.goto(url);
    await ask(page, "Hoe regel ik een ontheffing voor een kampvuur op het dorpsplein?");
    await page.locator('button[data-action="share"]').last().click();
    await page.getByText("Je vraag is doorgegeven").first().waitFor();
    const handoff = await handoffIdOf(page);
    await page.evaluate(() => ((window as unknown as { __hidden: boolean }).__hidden = true));

    await tolk(`${handoff.id}/claim`, {});
    await tolk(`${handoff.id}/reply`, { text: "Bel de brandweer van de veiligheidsregio." });

    await page.locator(".message.new", { hasText: "brandweer" }).waitFor({ timeout: 15_000 });
    expect(await page.evaluate(() => (window as unknown as { __notifications: string[] }).__notifications)).toEqual(["Vliegwiel: Er is antwoord op je vraag."]);
    await context.close();
  });

  it("given a handoff with a person, then the asker can close it and reopen it from the page", async () => {
    const context = await askerContext();
    const page = await context.newPage();
    await page.goto(url);
    await ask(page, "Wie is op dit moment wethouder van Lelystad?");
    await page.locator('button[data-action="share_anonymous"]').last().click();
    await page.locator("#handoff-close").waitFor();
    expect(await page.locator("#handoff-status").innerText()).toMatch(/ligt bij de mensen van het netwerk/);

    await page.click("#handoff-close");
    await page.getByText("Je vraag is afgesloten").first().waitFor({ timeout: 15_000 });
    await page.locator("#handoff-reopen").waitFor();
    expect(await page.locator("#handoff-close").isHidden()).toBe(true);
    expect((await handoffIdOf(page)).status).toBe("resolved");

    await page.click("#handoff-reopen");
    await page.getByText("Je vraag staat weer open").first().waitFor();
    await page.locator("#handoff-close").waitFor();
    expect((await handoffIdOf(page)).status).toBe("open");
    await context.close();
  });

  it("given a long conversation, then each new message is in view above the input bar", async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    await page.goto(url);
    for (const question of ["Wat is een Community Benefit Agreement?", "Wat is Vereniging Dwarsverband?", "Wat is een burgerbegroting?", "Hoe houden we vrijwilligers vast?"]) {
      await ask(page, question);
      const last = await page.locator(".message").last().boundingBox();
      const bar = await page.locator("#ask").boundingBox();
      expect(last!.y).toBeGreaterThanOrEqual(0);
      expect(Math.min(last!.y + last!.height, 600 - bar!.height)).toBeGreaterThan(last!.y);
      // Its end is above the input bar, or (a long answer) its start is at the top of the page.
      expect(last!.y + last!.height <= bar!.y + 1 || last!.y < 5).toBe(true);
    }
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await context.close();
  });

  it("given an answer, then each source links to the document opened at the quoted passage; a document's own url wins", async () => {
    const page = await browser.newPage();
    await page.goto(url);
    await ask(page, "Wat is Vereniging Dwarsverband?");
    const link = page.locator('.message.assistant[data-decision="answer"] .sources ol a').first();
    const href = (await link.getAttribute("href"))!;
    expect(href).toMatch(/^\/bron\/[^/]+\?passage=.+#passage-\d+$/);
    const label = await link.innerText();

    const source = await browser.newPage();
    await source.goto(new URL(href, url).toString());
    expect(await source.title()).toContain(label.split(" — ")[0]!);
    const marked = source.locator("p.cited mark");
    expect(await marked.count()).toBe(1);
    expect(await marked.innerText()).toMatch(/twintig buurthuizen/);
    expect((await fetch(`${url}/bron/${encodeURIComponent("bestaat-niet.md")}`)).status).toBe(404);

    await ask(page, "Wat is een Community Benefit Agreement?");
    const own = page.locator('.message.assistant[data-decision="answer"]').last().locator(".sources a", { hasText: "Flevoland" }).first();
    expect(await own.getAttribute("href")).toBe(ADVIES_URL);
  });
});
