import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { withDatabase } from "../helpers/with-database.js";
import { teamLogin } from "../helpers/team-login.js";
import { REPO_ROOT, tempDir, testConfig } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);

/** Two tolken; Tineke is forgotten, Karel stays. Their ids and names are words nobody else uses. */
const ROSTER = `coordinators:
  - id: coordinator
    name: Coördinator van het netwerk
    role: coordinator
members:
  - id: tineke
    name: Tineke Tulpenbol
    role: tolk
    slack: U0TINEKE
  - id: karel
    name: Karel Kastanje
    role: tolk
`;
const TINEKE = ["tineke", "Tineke Tulpenbol", "Tulpenbol", "U0TINEKE"];

/** Everything every table holds, as text (documents and passages too: an approved answer is read in). */
function dump(db: Database.Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'passages_fts%' AND name <> 'passages_vocab'").pluck().all() as string[];
  return tables.map((t) => `${t}: ${JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())}`).join("\n");
}

describe("kennis -- vergeet of a tolk", () => {
  const temp = tempDir();
  let config: Config;
  const handoffs: Record<string, string> = {};
  const withDb = <T>(use: (db: Database.Database) => T): T => withDatabase(config.databasePath, use);

  beforeAll(async () => {
    config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2" });
    fs.writeFileSync(config.rosterFile, ROSTER);
    const app = createApp(config, createLogger("error"));
    await app.start();
    const url = (app.channels[0] as WebChatChannel).url;
    const post = async (body: object, route = "/api/messages") =>
      (await (await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as Record<string, string>;
    const tineke = await teamLogin(url, config.databasePath, "tineke");
    const karel = await teamLogin(url, config.databasePath, "karel");
    const cases = [
      { asker: "web-anna", tolk: tineke, question: "Ik wil een mens spreken over de huur van het wijkgebouw", answer: "Vraag de woningcorporatie om een huurkorting. Groet, Tineke Tulpenbol", learn: true },
      { asker: "web-bert", tolk: tineke, question: "Ik wil een mens spreken over de verzekering van de vrijwilligers", answer: "Kijk bij de vrijwilligersverzekering van de gemeente. Tineke Tulpenbol", learn: false, open: true },
      { asker: "web-cato", tolk: karel, question: "Ik wil een mens spreken over subsidie voor de speeltuin", answer: "Het speeltuinfonds helpt. Groet, Karel Kastanje", learn: false },
    ];
    for (const c of cases) {
      const asker = { conversationId: `conv-${c.asker}`, userId: c.asker, userName: c.asker };
      const { handoffId } = await post({ ...asker, text: c.question });
      handoffs[c.asker] = handoffId!;
      await post({ ...asker, action: "share", handoffId }, "/api/actions");
      await c.tolk.postJson(`/api/tolk/handoffs/${handoffId}/claim`, {});
      await c.tolk.postJson(`/api/tolk/handoffs/${handoffId}/reply`, { text: c.answer });
      if (!c.open) await c.tolk.postJson(`/api/tolk/handoffs/${handoffId}/close`, { addToKnowledge: c.learn });
    }
    // Every message delivered (the approved answer is written and read in) before the data is inspected.
    for (let i = 0; i < 100 && withDb((db) => db.prepare("SELECT count(*) FROM handoff_outbox WHERE delivered_at IS NULL").pluck().get() as number) > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await app.stop();
    const all = withDb(dump);
    // (Her Slack id is only on the roster: she worked in the team view.)
    for (const trace of ["tineke", "Tineke Tulpenbol", "Karel Kastanje"]) expect(all, trace).toContain(trace);
    expect(fs.readdirSync(path.join(config.knowledgeDir, "antwoorden"))).toHaveLength(1);
  });
  afterAll(() => temp.cleanup());

  it("given vergeet of her platform id, then no row or byte of the database holds her id or name; her answers stay under 'anoniem', her open question is open again", async () => {
    const { stdout } = await run(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(REPO_ROOT, "src/cli/kennis.ts"), "vergeet", "slack:U0TINEKE"], {
      cwd: temp.dir, env: { PATH: process.env.PATH, DATA_DIR: temp.dir, KNOWLEDGE_DIR: config.knowledgeDir, ROSTER_FILE: config.rosterFile, LOG_LEVEL: "error" },
    });
    expect(stdout).toMatch(/Als tolk: \d+ regels zonder naam en id/);
    expect(stdout).toMatch(/Staat nog in .*roster\.yaml/);
    const all = withDb(dump);
    // Also in lower case: the word caches and the full-text index keep words that way.
    for (const trace of TINEKE) expect(all.toLowerCase(), trace).not.toContain(trace.toLowerCase());
    const files = fs.readdirSync(temp.dir).filter((f) => f.startsWith(path.basename(config.databasePath)));
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(temp.dir, file)).toString("latin1").toLowerCase();
      for (const trace of TINEKE) expect(bytes.includes(trace.toLowerCase()), `${file}: ${trace}`).toBe(false);
    }
    // The other tolk is untouched; what she wrote stays as the askers' answers, and the approved one as knowledge.
    expect(all).toContain("Karel Kastanje");
    expect(all).toContain("Vraag de woningcorporatie om een huurkorting.");
    expect(all).toContain("Kijk bij de vrijwilligersverzekering van de gemeente.");
    const [answerFile] = fs.readdirSync(path.join(config.knowledgeDir, "antwoorden"));
    const answer = fs.readFileSync(path.join(config.knowledgeDir, "antwoorden", answerFile!), "utf8");
    expect(answer).toContain("Vraag de woningcorporatie om een huurkorting.");
    expect(answer).not.toContain("Tulpenbol");
    withDb((db) => {
      // The question she still had is open again, without her, and the team is reminded.
      const open = db.prepare("SELECT status, data FROM handoffs WHERE id = ?").get(handoffs["web-bert"]) as { status: string; data: string };
      expect(open.status).toBe("open");
      expect(JSON.parse(open.data).claimedBy).toBeUndefined();
      expect(db.prepare("SELECT count(*) FROM handoff_timers WHERE handoff_id = ? AND kind = 'reminder'").pluck().get(handoffs["web-bert"])).toBe(1);
      const waiting = db.prepare("SELECT effect FROM handoff_outbox WHERE handoff_id = ? AND delivered_at IS NULL").pluck().all(handoffs["web-bert"]) as string[];
      expect(waiting.map((e) => JSON.parse(e))).toEqual([{ type: "update_thread", status: "open" }]);
      // The finished one keeps who claimed it only as "anoniem".
      const done = JSON.parse(db.prepare("SELECT data FROM handoffs WHERE id = ?").pluck().get(handoffs["web-anna"]) as string);
      expect(done.claimedBy).toEqual({ userId: "", name: "anoniem" });
      expect(db.prepare("SELECT count(*) FROM team_links WHERE member_id = 'tineke'").pluck().get()).toBe(0);
    });

    // Started again, the app picks it up: another tolk can claim the question she left.
    const app = createApp(config, createLogger("error"));
    await app.start();
    try {
      const url = (app.channels[0] as WebChatChannel).url;
      const karel = await teamLogin(url, config.databasePath, "karel");
      expect(await karel.postJson(`/api/tolk/handoffs/${handoffs["web-bert"]}/claim`, {})).toEqual({ ok: true, status: "claimed" });
      // A question she closed, reopened by its asker, is open for the team (no claim of "anoniem" holds it), and Karel takes it.
      await fetch(`${url}/api/actions`, {
        method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ conversationId: "conv-web-anna", userId: "web-anna", action: "reopen", handoffId: handoffs["web-anna"] }),
      });
      expect(withDb((db) => db.prepare("SELECT status FROM handoffs WHERE id = ?").pluck().get(handoffs["web-anna"]))).toBe("open");
      expect(await karel.postJson(`/api/tolk/handoffs/${handoffs["web-anna"]}/claim`, {})).toEqual({ ok: true, status: "claimed" });
    } finally {
      await app.stop();
    }
  });
});

describe("kennis -- vergeet of a coordinator whose roster id is a word", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given another asker's question and answer that use that word, then they keep it (a roster id is found where it stands as an id, not in text)", async () => {
    const config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2" });
    // As roster.example.yaml has it: the coordinator's id is "coordinator".
    fs.writeFileSync(config.rosterFile, `coordinators:\n  - id: coordinator\n    name: Cora Cornelis\n    role: coordinator\n    slack: U0CORA\nmembers:\n  - id: karel\n    name: Karel Kastanje\n    role: tolk\n`);
    const app = createApp(config, createLogger("error"));
    await app.start();
    let handoffId = "";
    try {
      const url = (app.channels[0] as WebChatChannel).url;
      const post = async (body: object, route = "/api/messages") =>
        (await (await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as Record<string, string>;
      const karel = await teamLogin(url, config.databasePath, "karel");
      const dirk = { conversationId: "conv-dirk", userId: "web-dirk" };
      ({ handoffId } = await post({ ...dirk, text: "Ik wil een mens spreken over de coordinator van de voedselbank" }) as { handoffId: string });
      await post({ ...dirk, action: "share", handoffId }, "/api/actions");
      await karel.postJson(`/api/tolk/handoffs/${handoffId}/claim`, {});
      await karel.postJson(`/api/tolk/handoffs/${handoffId}/reply`, { text: "De coordinator van de voedselbank is bereikbaar via het wijkteam." });
    } finally {
      await app.stop();
    }
    const forget = (ref: string) => run(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(REPO_ROOT, "src/cli/kennis.ts"), "vergeet", ref], {
      cwd: temp.dir, env: { PATH: process.env.PATH, DATA_DIR: temp.dir, KNOWLEDGE_DIR: config.knowledgeDir, ROSTER_FILE: config.rosterFile, LOG_LEVEL: "error" },
    });
    // She asked and helped nothing: nothing stored, and she is told to be taken off the roster (not "check the id").
    expect((await forget("slack:U0CORA")).stdout).toMatch(/^Niets opgeslagen van slack:U0CORA\. Staat nog in .*roster\.yaml \(coordinator\)/);
    // Taken off the roster since, and forgotten again by her old roster id: still only where it stands as an id.
    fs.writeFileSync(config.rosterFile, "members:\n  - id: karel\n    name: Karel Kastanje\n    role: tolk\n");
    await forget("roster:coordinator");
    withDatabase(config.databasePath, (db) => {
      const data = JSON.parse(db.prepare("SELECT data FROM handoffs WHERE id = ?").pluck().get(handoffId) as string) as { question: string; answers: string[] };
      expect(data.question).toContain("de coordinator van de voedselbank");
      expect(data.answers).toEqual(["De coordinator van de voedselbank is bereikbaar via het wijkteam."]);
      // The web chat's copies too (the asker's question, the answer relayed to him and in the team thread).
      const chat = db.prepare("SELECT text FROM web_messages").pluck().all() as string[];
      expect(chat).toContain("Ik wil een mens spreken over de coordinator van de voedselbank");
      expect(chat.filter((t) => t.includes("De coordinator van de voedselbank is bereikbaar"))).toHaveLength(2);
    });
  });
});
