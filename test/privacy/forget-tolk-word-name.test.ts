import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import { createLogger } from "../../src/logger.js";
import { withDatabase } from "../helpers/with-database.js";
import { teamLogin } from "../helpers/team-login.js";
import { REPO_ROOT, tempDir, testConfig } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);

/** A tolk known by one name that is also a word and someone else's name: Roos (a speeltuin is called De Roos too). */
const ROSTER = "members:\n  - id: roos\n    name: Roos\n    role: tolk\n  - id: karel\n    name: Karel Kastanje\n    role: tolk\n";

describe("kennis -- vergeet of a tolk whose only name is a word others use", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given another asker's question and answer holding that word, then they keep it; her own answer loses her name", async () => {
    const config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2" });
    fs.writeFileSync(config.rosterFile, ROSTER);
    const app = createApp(config, createLogger("error"));
    await app.start();
    const ids: Record<string, string> = {};
    try {
      const url = (app.channels[0] as WebChatChannel).url;
      const post = async (body: object, route = "/api/messages") =>
        (await (await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as Record<string, string>;
      const cases = [
        { asker: "web-dirk", tolk: await teamLogin(url, config.databasePath, "karel"), question: "Ik wil een mens spreken over speeltuin De Roos in de wijk", answer: "Speeltuin De Roos is open op woensdag. Groet, Karel Kastanje" },
        { asker: "web-eva", tolk: await teamLogin(url, config.databasePath, "roos"), question: "Ik wil een mens spreken over de huur van het buurthuis", answer: "Vraag de corporatie om korting. Groet, Roos" },
      ];
      for (const c of cases) {
        const asker = { conversationId: `conv-${c.asker}`, userId: c.asker };
        const { handoffId } = await post({ ...asker, text: c.question });
        ids[c.asker] = handoffId!;
        await post({ ...asker, action: "share", handoffId }, "/api/actions");
        await c.tolk.postJson(`/api/tolk/handoffs/${handoffId}/claim`, {});
        await c.tolk.postJson(`/api/tolk/handoffs/${handoffId}/reply`, { text: c.answer });
        await c.tolk.postJson(`/api/tolk/handoffs/${handoffId}/close`, { addToKnowledge: true });
      }
      // Both answers are approved and written to the knowledge folder before the app stops.
      for (let i = 0; i < 100 && withDatabase(config.databasePath, (db) => db.prepare("SELECT count(*) FROM handoff_outbox WHERE delivered_at IS NULL").pluck().get() as number) > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await app.stop();
    }
    await run(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(REPO_ROOT, "src/cli/kennis.ts"), "vergeet", "roster:roos"], {
      cwd: temp.dir, env: { PATH: process.env.PATH, DATA_DIR: temp.dir, KNOWLEDGE_DIR: config.knowledgeDir, ROSTER_FILE: config.rosterFile, LOG_LEVEL: "error" },
    });
    withDatabase(config.databasePath, (db) => {
      const data = (id: string) => JSON.parse(db.prepare("SELECT data FROM handoffs WHERE id = ?").pluck().get(id) as string) as { question: string; answers: string[] };
      // Dirk's question was never hers: the speeltuin keeps its name.
      expect(data(ids["web-dirk"]!).question).toContain("speeltuin De Roos in de wijk");
      expect(data(ids["web-dirk"]!).answers).toEqual(["Speeltuin De Roos is open op woensdag. Groet, Karel Kastanje"]);
      const chat = db.prepare("SELECT text FROM web_messages WHERE conversation_id = 'conv-web-dirk'").pluck().all() as string[];
      expect(chat).toContain("Ik wil een mens spreken over speeltuin De Roos in de wijk");
      // Her own answer to Eva loses her name.
      expect(data(ids["web-eva"]!).answers).toEqual(["Vraag de corporatie om korting. Groet, anoniem"]);
      const evaChat = (db.prepare("SELECT author || ' ' || text FROM web_messages WHERE conversation_id = 'conv-web-eva'").pluck().all() as string[]).join("\n");
      expect(evaChat).not.toMatch(/\bRoos\b/);
      // Nowhere else either (she was mentioned with the team on Dirk's question): only the speeltuin keeps the word.
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'passages%'").pluck().all() as string[];
      const all = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())).join("\n");
      expect(all.replace(/[Ss]peeltuin De Roos/g, "")).not.toMatch(/\bRoos\b/);
    });
    // The approved answers: hers loses her name (the only one she had), Karel's keeps the speeltuin's.
    const answers = path.join(config.knowledgeDir, "antwoorden");
    const texts = fs.readdirSync(answers).map((f) => fs.readFileSync(path.join(answers, f), "utf8"));
    expect(texts).toHaveLength(2);
    expect(texts.find((t) => t.includes("Vraag de corporatie om korting."))).toContain("Groet, anoniem");
    expect(texts.find((t) => t.includes("open op woensdag"))).toContain("Speeltuin De Roos is open op woensdag.");
  });
});
