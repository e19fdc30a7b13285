import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { copyOfStarterKnowledge, REPO_ROOT, tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { teamLogin } from "../helpers/team-login.js";

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");

/** `kennis -- backup` while the app answers questions, then `restore` into a new place: everything is there. */
describe("backup and restore", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  const knowledgeDir = copyOfStarterKnowledge(temp.dir);
  const configFor = (dir: string, extra: Record<string, string> = {}): Config => {
    fs.mkdirSync(dir, { recursive: true });
    fs.copyFileSync(path.join(REPO_ROOT, "roster.example.yaml"), path.join(dir, "roster.yaml"));
    return testConfig(dir, { KNOWLEDGE_DIR: knowledgeDir, HANDOFF_TICK_SECONDS: "0.2", ...extra });
  };
  const kennis = (dir: string, ...args: string[]) =>
    run(TSX, ["src/cli/kennis.ts", ...args], { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: dir, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "error" } });
  const started = async (config: Config): Promise<{ app: App; url: string }> => {
    const app = createApp(config, createLogger("error"));
    await app.start();
    return { app, url: (app.channels[0] as WebChatChannel).url };
  };
  const post = async (url: string, route: string, body: object) =>
    (await (await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as Record<string, unknown>;

  it("given questions being answered during the backup, then the backup is whole and a restore brings everything back", async () => {
    const original = path.join(temp.dir, "origineel");
    const { app, url } = await started(configFor(original));
    const backupFile = path.join(temp.dir, "reservekopie", "vliegwiel.db");
    let answeredDuringBackup = 0;
    try {
      const asker = { conversationId: "backup-1", userId: "u-backup-1" };
      const reply = await post(url, "/api/messages", { ...asker, text: "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?" });
      await post(url, "/api/actions", { ...asker, action: "share", handoffId: reply.handoffId });

      // Questions keep coming while the backup runs as its own process.
      let backingUp = true;
      const asking = (async () => {
        for (let i = 0; backingUp; i++) {
          const answer = await post(url, "/api/messages", { conversationId: `tijdens-${i}`, text: i % 2 ? "Wat is Vereniging Dwarsverband?" : "Wat is een burgerbegroting?" });
          expect(answer.decision).toBe("answer");
          answeredDuringBackup++;
        }
      })();
      const backup = await kennis(original, "backup", backupFile).finally(() => (backingUp = false));
      await asking;
      expect(backup.stdout).toMatch(/^Reservekopie gemaakt: .+ \(5 documenten, \d+ passages, 1 doorgegeven vraag, \d+ vra(?:ag|gen) in het logboek/m);
    } finally {
      await app.stop();
    }
    expect(answeredDuringBackup).toBeGreaterThan(0);
    await expect(kennis(original, "backup", backupFile)).rejects.toMatchObject({ stderr: expect.stringContaining("bestaat al") });

    const restored = path.join(temp.dir, "hersteld");
    const restore = await kennis(restored, "restore", backupFile);
    expect(restore.stdout).toMatch(/^Hersteld uit .+: 5 documenten/);

    const { app: again, url: againUrl } = await started(configFor(restored));
    try {
      const team = (await (await (await teamLogin(againUrl, configFor(restored).databasePath, "tolk")).get("/api/tolk/handoffs")).json()) as { handoffs: Array<{ question: string; status: string }> };
      expect(team.handoffs).toMatchObject([{ question: "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?", status: "open" }]);
      const feed = (await (await fetch(`${againUrl}/api/conversations/backup-1/messages?alles=1`)).json()) as Array<{ author: string; text: string }>;
      expect(feed.map((m) => m.author)).toContain("vrager");
      const answer = await post(againUrl, "/api/messages", { conversationId: "na-herstel", text: "Wat is Vereniging Dwarsverband?" });
      expect(answer.text).toMatch(/twintig buurthuizen/);
      expect((await fetch(`${againUrl}/healthz`)).status).toBe(200);
    } finally {
      await again.stop();
    }
  }, 240_000);

  it("given a file that is not a backup, then restore refuses and the database stays as it was; a real restore keeps the old one aside", async () => {
    const dir = path.join(temp.dir, "weigeren");
    const { app } = await started(configFor(dir));
    await app.stop();
    const db = path.join(dir, "vliegwiel.db");
    const before = fs.readFileSync(db);
    const bogus = path.join(temp.dir, "geen-database.db");
    fs.writeFileSync(bogus, "dit is geen SQLite-bestand, maar wel lang genoeg om op een database te lijken ".repeat(100));

    await expect(kennis(dir, "restore", bogus)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("geen database van Vliegwiel") });
    expect(fs.readFileSync(db)).toEqual(before);

    const backup = path.join(temp.dir, "weigeren-backup.db");
    await kennis(dir, "backup", backup);
    const restore = await kennis(dir, "restore", backup);
    const kept = /staat nog in (.+)\.$/m.exec(restore.stdout)![1]!;
    expect(fs.existsSync(kept)).toBe(true);
    // Copies are single files, ready to move elsewhere.
    expect(fs.readdirSync(temp.dir).filter((f) => f.startsWith("weigeren-backup.db"))).toEqual(["weigeren-backup.db"]);
    expect(fs.readdirSync(dir).filter((f) => f.includes("voor-herstel"))).toEqual([path.basename(kept)]);
  }, 240_000);
});

/** /healthz for a monitor: store, channels and the handoff outbox. */
describe("health endpoint", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a running app, then /healthz is 200 with its checks; given a handoff message stuck in the outbox, then 503", async () => {
    const config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "600" });
    const app = createApp(config, createLogger("error"));
    await app.start();
    try {
      const url = (app.channels[0] as WebChatChannel).url;
      const healthy = await fetch(`${url}/healthz`);
      expect(healthy.status).toBe(200);
      expect(await healthy.json()).toMatchObject({ ok: true, store: { ok: true, documents: 5 }, channels: { web: { ok: true } }, outbox: { ok: true, pending: 0 } });

      const asker = { conversationId: "health-1", userId: "u-health-1" };
      const reply = (await (await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...asker, text: "Hoe regel ik een ontheffing voor een kampvuur?" }) })).json()) as { handoffId: string };
      await fetch(`${url}/api/actions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...asker, action: "share", handoffId: reply.handoffId }) });
      // A message that could not be delivered for an hour (a platform that keeps refusing it).
      const db = new Database(config.databasePath);
      db.prepare("UPDATE handoff_outbox SET delivered_at = NULL, created_at = ? WHERE id = (SELECT min(id) FROM handoff_outbox)").run(new Date(Date.now() - 3_600_000).toISOString());
      db.close();

      const stuck = await fetch(`${url}/healthz`);
      expect(stuck.status).toBe(503);
      expect(await stuck.json()).toMatchObject({ ok: false, store: { ok: true }, outbox: { ok: false, pending: 1 } });
    } finally {
      await app.stop();
    }
  }, 240_000);
});

describe("restore beside a running app", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  const kennis = (dir: string, ...args: string[]) =>
    run(TSX, ["src/cli/kennis.ts", ...args], { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: "error" } });

  it("given the app running on the database, then restore refuses and changes nothing; stopped, the same restore goes ahead", async () => {
    const config = testConfig(temp.dir);
    const app = createApp(config, createLogger("error"));
    await app.start();
    const backup = path.join(temp.dir, "kopie.db");
    let stopped = false;
    try {
      await kennis(temp.dir, "backup", backup);
      const before = fs.statSync(config.databasePath).mtimeMs;
      await expect(kennis(temp.dir, "restore", backup)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("Vliegwiel draait nog op deze database") });
      expect(fs.statSync(config.databasePath).mtimeMs).toBe(before);
      expect(fs.readdirSync(temp.dir).filter((f) => f.includes("voor-herstel"))).toEqual([]);
      await app.stop();
      stopped = true;
      expect((await kennis(temp.dir, "restore", backup)).stdout).toMatch(/^Hersteld uit /);
    } finally {
      if (!stopped) await app.stop();
    }
  }, 240_000);

  it("given a backup into a folder that does not exist, then one new folder is made but not a tree of them", async () => {
    testConfig(temp.dir);
    await expect(kennis(temp.dir, "backup", path.join(temp.dir, "bestaat", "niet", "kopie.db"))).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("bestaat niet; controleer het pad") });
    expect(fs.existsSync(path.join(temp.dir, "bestaat"))).toBe(false);
    const made = await kennis(temp.dir, "backup", path.join(temp.dir, "reservekopie", "kopie.db"));
    expect(made.stdout).toContain("aangemaakt");
    expect(fs.existsSync(path.join(temp.dir, "reservekopie", "kopie.db"))).toBe(true);
  }, 240_000);
});
