import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { withDatabase } from "../helpers/with-database.js";
import { teamLogin } from "../helpers/team-login.js";
import { REPO_ROOT, tempDir, testConfig } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);

/** Three residents, each with their own words, so what is left of whom can be read from the database. */
const PEOPLE = {
  aaltje: { userId: "web-aaltje", userName: "Aaltje Aardbei", question: "Hoe regel ik een vergunning voor ons kippenhok op het plein?", answer: "Vraag het bij het omgevingsloket.", words: ["kippenhok", "omgevingsloket"] },
  bram: { userId: "web-bram", userName: "Bram Bosbes", question: "Hoe vraag ik een ontheffing aan voor een vreugdevuur bij de speeltuin?", answer: "Meld het bij de brandweerkazerne.", words: ["vreugdevuur", "brandweerkazerne"] },
  cor: { userId: "web-cor", userName: "Cor Cranberry", question: "Wie verzekert onze buurtbatterij tegen blikseminslag?", answer: "Vraag naar een bliksempolis.", words: ["blikseminslag", "bliksempolis"] },
} as const;
type Name = keyof typeof PEOPLE;

/** Everything a table holds, as text (the full-text index and documents hold no user data). */
function dump(db: Database.Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'passages%' AND name NOT IN ('documents', 'vector_ledger', 'store_meta')").pluck().all() as string[];
  return tables.map((t) => `${t}: ${JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())}`).join("\n");
}
const traces = (name: Name) => {
  const p = PEOPLE[name];
  return [p.userId, p.userName, ...p.words];
};

describe("retention and kennis -- vergeet on a database with several people", () => {
  const temp = tempDir();
  let config: Config;
  let app: App | undefined;

  const startApp = async () => {
    app = createApp(config, createLogger("error"));
    await app.start();
    return (app.channels[0] as WebChatChannel).url;
  };
  const stopApp = async () => {
    await app?.stop();
    app = undefined;
  };
  const withDb = <T>(use: (db: Database.Database) => T): T => withDatabase(config.databasePath, use);

  beforeAll(async () => {
    config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2" });
    const url = await startApp();
    const post = async (route: string, body: object) =>
      (await (await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as Record<string, string>;
    const tolk = await teamLogin(url, config.databasePath, "tolk");
    for (const [name, p] of Object.entries(PEOPLE)) {
      const asker = { conversationId: `conv-${name}`, userId: p.userId, userName: p.userName };
      await post("/api/messages", { ...asker, text: "Wat is een burgerbegroting?" });
      const { handoffId } = await post("/api/messages", { ...asker, text: p.question });
      await post("/api/actions", { ...asker, action: "share", handoffId });
      await tolk.postJson(`/api/tolk/handoffs/${handoffId}/claim`, {});
      await tolk.postJson(`/api/tolk/handoffs/${handoffId}/reply`, { text: p.answer });
      await post("/api/actions", { ...asker, action: "reply", text: `Dank je, groet van ${p.userName}`, eventKey: `thanks-${name}` });
    }
    // Every relayed message has reached the web chat before the data is inspected.
    for (let i = 0; i < 100 && withDb((db) => db.prepare("SELECT count(*) FROM handoff_outbox WHERE delivered_at IS NULL").pluck().get() as number) > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await stopApp();
    const all = withDb(dump);
    for (const name of Object.keys(PEOPLE) as Name[]) for (const trace of traces(name)) expect(all, `${name}: ${trace}`).toContain(trace);
  });
  afterAll(async () => {
    await stopApp();
    temp.cleanup();
  });

  it("given kennis -- vergeet web:<id>, then nothing of that person is left anywhere, and the others are untouched", async () => {
    const before = withDb((db) => ({ events: db.prepare("SELECT count(*) FROM handoff_events").pluck().get() as number, questions: db.prepare("SELECT count(*) FROM question_log").pluck().get() as number }));
    const { stdout } = await run(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(REPO_ROOT, "src/cli/kennis.ts"), "vergeet", `web:${PEOPLE.aaltje.userId}`], {
      cwd: temp.dir, env: { PATH: process.env.PATH, DATA_DIR: temp.dir, KNOWLEDGE_DIR: config.knowledgeDir, ROSTER_FILE: config.rosterFile, LOG_LEVEL: "error" },
    });
    expect(stdout).toMatch(/Vergeten: web:web-aaltje\. 2 vragen, 2 gespreksregels, \d+ chatberichte?n?, 0 beoordelingen en 1 doorgegeven vraag /);
    const all = withDb(dump);
    for (const trace of traces("aaltje")) expect(all, trace).not.toContain(trace);
    for (const name of ["bram", "cor"] as const) for (const trace of traces(name)) expect(all, `${name}: ${trace}`).toContain(trace);
    // The counts stay (for the signals), and the audit trail records that it was forgotten.
    const after = withDb((db) => ({ events: db.prepare("SELECT count(*) FROM handoff_events").pluck().get() as number, questions: db.prepare("SELECT count(*) FROM question_log").pluck().get() as number }));
    expect(after.questions).toBe(before.questions);
    expect(after.events).toBe(before.events + 1);

    const unknown = await run(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(REPO_ROOT, "src/cli/kennis.ts"), "vergeet", "bram"], {
      cwd: temp.dir, env: { PATH: process.env.PATH, DATA_DIR: temp.dir, KNOWLEDGE_DIR: config.knowledgeDir, LOG_LEVEL: "error" },
    }).catch((error: { code: number; stderr: string }) => error);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringMatching(/schrijf <platform>:<gebruikers-id>/) });
  });

  it("given data older than RETENTION_DAYS, then a start deletes it, anonymises finished handoffs and strips old audit lines; recent data stays", async () => {
    const old = new Date(Date.now() - 400 * 86_400_000).toISOString();
    // Bram's question is closed and his data is from over a year ago; Cor's is recent.
    withDb((db) => {
      const bram = db.prepare("SELECT id FROM handoffs WHERE json_extract(data, '$.asker.userId') = ?").pluck().get(PEOPLE.bram.userId) as string;
      db.prepare("UPDATE handoffs SET status = 'resolved', data = json_set(data, '$.status', 'resolved'), updated_at = ?, created_at = ? WHERE id = ?").run(old, old, bram);
      db.prepare("UPDATE handoff_events SET at = ? WHERE handoff_id = ?").run(old, bram);
      db.prepare("UPDATE handoff_outbox SET created_at = ?, delivered_at = ? WHERE handoff_id = ?").run(old, old, bram);
      db.prepare("UPDATE question_log SET asked_at = ? WHERE asker = ?").run(old, `web:${PEOPLE.bram.userId}`);
      db.prepare("UPDATE conversation_turns SET at = ? WHERE user_id = ?").run(old, PEOPLE.bram.userId);
      db.prepare("UPDATE web_messages SET created_at = ? WHERE conversation_id IN ('conv-bram', ?)").run(old, `handoff:${bram}`);
      db.prepare("UPDATE processed_deliveries SET at = ?").run(old);
    });
    const eventsBefore = withDb((db) => db.prepare("SELECT count(*) FROM handoff_events").pluck().get() as number);
    await startApp();
    await stopApp();
    const all = withDb(dump);
    for (const trace of traces("bram")) expect(all, trace).not.toContain(trace);
    for (const trace of traces("cor")) expect(all, `cor: ${trace}`).toContain(trace);
    withDb((db) => {
      // Audit lines stay, stripped of text and ids.
      expect(db.prepare("SELECT count(*) FROM handoff_events").pluck().get()).toBe(eventsBefore);
      const oldLines = db.prepare("SELECT type, actor, data, event_key FROM handoff_events WHERE at = ?").all(old) as Array<Record<string, unknown>>;
      expect(oldLines.length).toBeGreaterThan(3);
      expect(oldLines.every((l) => l.actor === null && l.data === "{}" && l.event_key === null)).toBe(true);
      expect(oldLines.map((l) => l.type)).toContain("tolk_reply");
      // The anonymised handoff keeps its status and theme.
      const kept = db.prepare("SELECT status, data FROM handoffs WHERE updated_at = ?").get(old) as { status: string; data: string };
      expect(kept.status).toBe("resolved");
      expect(JSON.parse(kept.data)).toMatchObject({ question: "", answers: [], asker: { name: "anoniem", userId: "" } });
      // Nor who it went to or who claimed it (that it was claimed stays).
      expect(JSON.parse(kept.data)).toMatchObject({ routedTo: [], claimedBy: { userId: "", name: "anoniem" } });
    });
  });
});
