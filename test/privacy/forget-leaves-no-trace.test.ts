import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { openDatabase } from "../../src/store/open-database.js";
import { REPO_ROOT, tempDir, testConfig } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);

/** A word only Dirk typed, so any trace of him can be found in the database, its tables or its bytes. */
const TRACE = "Dakpanbrigade";
const DIRK = { userId: "web-dirk", userName: "Dirk" };

describe("kennis -- vergeet leaves nothing of the person in the database file", () => {
  const temp = tempDir();
  let config: Config;

  beforeAll(async () => {
    config = testConfig(temp.dir);
    const app = createApp(config, createLogger("error"));
    await app.start();
    const url = (app.channels[0] as WebChatChannel).url;
    const post = (conversationId: string, text: string) =>
      fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...DIRK, conversationId, text }) });
    // A conversation of a greeting and a thank-you only (no question kept for follow-ups, no handoff), and one with a question.
    await post("conv-dirk-groet", "Hoi!");
    await post("conv-dirk-groet", "Bedankt!");
    await post("conv-dirk-vraag", `Hoe vinden we vrijwilligers voor de ${TRACE}?`);
    await app.stop();
    const db = openDatabase(config.databasePath);
    expect(db.prepare("SELECT author FROM web_messages WHERE conversation_id = 'conv-dirk-groet'").pluck().all()).toEqual(["vrager", "antwoord", "vrager", "antwoord"]);
    expect(db.prepare("SELECT count(*) FROM conversation_turns WHERE conversation_id = 'conv-dirk-groet'").pluck().get()).toBe(0);
    db.close();
  });
  afterAll(() => temp.cleanup());

  it("given vergeet web:<id>, then the web chat's conversations without a kept question go too, and no deleted text stays readable in the file's free space", async () => {
    const { stdout } = await run(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(REPO_ROOT, "src/cli/kennis.ts"), "vergeet", `web:${DIRK.userId}`], {
      cwd: temp.dir, env: { PATH: process.env.PATH, DATA_DIR: temp.dir, KNOWLEDGE_DIR: config.knowledgeDir, ROSTER_FILE: config.rosterFile, LOG_LEVEL: "error" },
    });
    // Said where it still is: backups made before, which a restore would bring back.
    expect(stdout).toMatch(/reservekopie/i);
    const db = openDatabase(config.databasePath);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'passages%'").pluck().all() as string[];
    const rows = tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())).join("\n");
    const greetings = db.prepare("SELECT count(*) FROM web_messages WHERE conversation_id = 'conv-dirk-groet'").pluck().get();
    db.close();
    expect(greetings).toBe(0);
    expect(rows).not.toContain(TRACE);
    const files = fs.readdirSync(temp.dir).filter((f) => f.startsWith(path.basename(config.databasePath)));
    for (const file of files) expect(fs.readFileSync(path.join(temp.dir, file)).includes(TRACE), file).toBe(false);
  });
});

describe("a question the asker did not share leaves no readable text in the database file", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a question handed to a person and 'Niet delen', then its words are not in the database file's bytes once the app stopped", async () => {
    const config = testConfig(temp.dir);
    const app = createApp(config, createLogger("error"));
    await app.start();
    const url = (app.channels[0] as WebChatChannel).url;
    const post = async (route: string, body: object) =>
      (await (await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...DIRK, conversationId: "conv-dirk", ...body }) })).json()) as Record<string, string>;
    const asked = await post("/api/messages", { text: `Ik wil een mens spreken over de schulden van de ${TRACE}` });
    expect(asked.decision).toBe("handoff");
    await post("/api/actions", { action: "dont_share", handoffId: asked.handoffId });
    await app.stop();
    const files = fs.readdirSync(temp.dir).filter((f) => f.startsWith(path.basename(config.databasePath)));
    for (const file of files) expect(fs.readFileSync(path.join(temp.dir, file)).includes(TRACE), file).toBe(false);
  });
});
