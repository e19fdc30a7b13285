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

/** A tolk called Bo, and Karel; the askers are Al (a name that is also a Dutch word: "al") and Dirk. */
const ROSTER = "members:\n  - id: bo\n    name: Bo\n    role: tolk\n  - id: karel\n    name: Karel Kastanje\n    role: tolk\n";

/**
 * Names of two letters ("Bo", "Al") are forgotten too, safely: only written with a capital as a whole word,
 * in the texts of the person's own handoffs and chats; in an approved answer (a document others read) of
 * their own handoff only in the middle of a sentence, where a capital marks a name ("Hoi Al,", "Groet, Bo"),
 * never at a sentence's start ("Al eerder …") and never in anyone else's texts ("Al met al", "bouw").
 */
describe("kennis -- vergeet of people whose name has two letters", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a tolk Bo and an asker Al, then their names go from their own handoffs, chats and approved answers, and the word 'al' stays elsewhere", async () => {
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
        { asker: "web-dirk", name: "Dirk", tolk: await teamLogin(url, config.databasePath, "karel"), question: "Ik wil een mens spreken over de bouw van de speeltuin", answer: "Al met al gaat de bouw goed. Groet, Karel Kastanje" },
        { asker: "web-al", name: "Al", tolk: await teamLogin(url, config.databasePath, "bo"), question: "Ik wil een mens spreken over de huur van het buurthuis", answer: "Hoi Al, vraag de corporatie om korting. Al eerder lukte dat. Groet, Bo" },
      ];
      for (const c of cases) {
        const asker = { conversationId: `conv-${c.asker}`, userId: c.asker, userName: c.name };
        const { handoffId } = await post({ ...asker, text: c.question });
        ids[c.asker] = handoffId!;
        await post({ ...asker, action: "share", handoffId }, "/api/actions");
        await c.tolk.postJson(`/api/tolk/handoffs/${handoffId}/claim`, {});
        await c.tolk.postJson(`/api/tolk/handoffs/${handoffId}/reply`, { text: c.answer });
        await c.tolk.postJson(`/api/tolk/handoffs/${handoffId}/close`, { addToKnowledge: true });
      }
      for (let i = 0; i < 100 && withDatabase(config.databasePath, (db) => db.prepare("SELECT count(*) FROM handoff_outbox WHERE delivered_at IS NULL").pluck().get() as number) > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
      }
    } finally {
      await app.stop();
    }
    const vergeet = (ref: string) => run(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(REPO_ROOT, "src/cli/kennis.ts"), "vergeet", ref], {
      cwd: temp.dir, env: { PATH: process.env.PATH, DATA_DIR: temp.dir, KNOWLEDGE_DIR: config.knowledgeDir, ROSTER_FILE: config.rosterFile, LOG_LEVEL: "error" },
    });
    const answers = path.join(config.knowledgeDir, "antwoorden");
    const answerTexts = () => fs.readdirSync(answers).map((f) => fs.readFileSync(path.join(answers, f), "utf8"));
    const everything = () => withDatabase(config.databasePath, (db) => {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'passages%'").pluck().all() as string[];
      return tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())).join("\n");
    });
    expect(everything()).toMatch(/\bBo\b/);

    await vergeet("roster:bo");
    const afterBo = everything();
    expect(afterBo).not.toMatch(/\bBo\b/);
    // Dirk's question and Karel's answer were never hers: the words stay as they were.
    expect(afterBo).toContain("de bouw van de speeltuin");
    expect(afterBo).toContain("Al met al gaat de bouw goed. Groet, Karel Kastanje");
    expect(answerTexts().find((t) => t.includes("corporatie"))).toContain("Groet, anoniem");

    await vergeet("web:web-al");
    const own = answerTexts().find((t) => t.includes("corporatie"))!;
    // In her own approved answer: the greeting loses her name; "Al eerder" starts a sentence, and stays.
    expect(own).toContain("Hoi anoniem, vraag de corporatie om korting. Al eerder lukte dat.");
    expect(answerTexts().find((t) => t.includes("de bouw goed"))).toContain("Al met al gaat de bouw goed.");
    expect(everything()).toContain("Al met al gaat de bouw goed.");
  });
});
