import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import type Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import { forgetInApprovedAnswers } from "../../src/app/forget-approved-answers.js";
import type { WebChatChannel } from "../../src/channels/web/web-chat-channel.js";
import type { Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { withDatabase } from "../helpers/with-database.js";
import { teamLogin } from "../helpers/team-login.js";
import { openTestStore, REPO_ROOT, tempDir, testConfig } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);

/** A word only Dora's question holds, and her name, which the tolk's approved answer quotes. */
const QUESTION_WORD = "Zwanenvijverfeest";
const DORA = { conversationId: "conv-dora", userId: "web-dora", userName: "Dora Dahlia" };
const ANSWER = "Vraag bij de gemeente een evenementenvergunning aan, minstens acht weken vooraf.";

function dump(db: Database.Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'passages_fts%' AND name <> 'passages_vocab'").pluck().all() as string[];
  return tables.map((t) => `${t}: ${JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())}`).join("\n");
}

describe("kennis -- vergeet of an asker whose question became an approved answer", () => {
  const temp = tempDir();
  let config: Config;
  const answers = () => path.join(config.knowledgeDir, "antwoorden");
  const withDb = <T>(use: (db: Database.Database) => T): T => withDatabase(config.databasePath, use);

  beforeAll(async () => {
    config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2" });
    const app = createApp(config, createLogger("error"));
    await app.start();
    const url = (app.channels[0] as WebChatChannel).url;
    const post = async (body: object, route = "/api/messages") =>
      (await (await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...DORA, ...body }) })).json()) as Record<string, string>;
    const tolk = await teamLogin(url, config.databasePath, "tolk");
    const { handoffId } = await post({ text: `Ik wil een mens spreken over het ${QUESTION_WORD}` });
    await post({ action: "share", handoffId }, "/api/actions");
    await tolk.postJson(`/api/tolk/handoffs/${handoffId}/claim`, {});
    await tolk.postJson(`/api/tolk/handoffs/${handoffId}/reply`, { text: `Beste ${DORA.userName}, ${ANSWER}` });
    await tolk.postJson(`/api/tolk/handoffs/${handoffId}/close`, { addToKnowledge: true });
    for (let i = 0; i < 100 && withDb((db) => db.prepare("SELECT count(*) FROM handoff_outbox WHERE delivered_at IS NULL").pluck().get() as number) > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await app.stop();
    // The learning loop wrote her question into the knowledge folder: file name, title, metadata.yaml and the store.
    const [file] = fs.readdirSync(answers());
    expect(file).toMatch(/zwanenvijverfeest/);
    expect(fs.readFileSync(path.join(answers(), file!), "utf8")).toContain(QUESTION_WORD);
    expect(withDb(dump)).toContain(QUESTION_WORD);
  });
  afterAll(() => temp.cleanup());

  it("given vergeet web:<id>, then the approved answer stays as knowledge, without her question or name, in the folder and in the store", async () => {
    const { stdout } = await run(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(REPO_ROOT, "src/cli/kennis.ts"), "vergeet", `web:${DORA.userId}`], {
      cwd: temp.dir, env: { PATH: process.env.PATH, DATA_DIR: temp.dir, KNOWLEDGE_DIR: config.knowledgeDir, ROSTER_FILE: config.rosterFile, LOG_LEVEL: "error" },
    });
    const files = fs.readdirSync(answers());
    expect(files).toHaveLength(1);
    const text = fs.readFileSync(path.join(answers(), files[0]!), "utf8");
    expect(text).toContain(ANSWER);
    const metadata = fs.readFileSync(path.join(config.knowledgeDir, "metadata.yaml"), "utf8");
    for (const trace of [QUESTION_WORD, DORA.userName]) {
      expect(files[0]!.toLowerCase(), trace).not.toContain(trace.toLowerCase());
      expect(text, trace).not.toContain(trace);
      expect(metadata, trace).not.toContain(trace.toLowerCase());
      expect(metadata, trace).not.toContain(trace);
    }
    const all = withDb(dump);
    expect(all.toLowerCase()).not.toContain(QUESTION_WORD.toLowerCase());
    expect(all).not.toContain(DORA.userName);
    for (const file of fs.readdirSync(temp.dir).filter((f) => f.startsWith(path.basename(config.databasePath)))) {
      expect(fs.readFileSync(path.join(temp.dir, file)).toString("latin1").toLowerCase().includes(QUESTION_WORD.toLowerCase()), file).toBe(false);
    }
    // Still found as knowledge, under its new name.
    const stored = withDb((db) => db.prepare("SELECT title FROM documents WHERE id = ?").pluck().get(`antwoorden/${files[0]}`));
    expect(stored).toMatch(/^Antwoord van een tolk/);
    expect(all).toContain(ANSWER);
    expect(stdout).toMatch(/1 goedgekeurd antwoord in de kennisbank/);
  });
});

describe("forgetting in approved answers after a run that stopped halfway", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given the old answer file beside the new one and its old document still stored, then a second run leaves only the new one, and metadata.yaml one block", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(path.join(knowledgeDir, "antwoorden"), { recursive: true });
    const old = "antwoorden/2026-01-05-hoe-vier-ik-het-zwanenvijverfeest-abcdef12.md";
    fs.writeFileSync(path.join(knowledgeDir, old), `# Hoe vier ik het ${QUESTION_WORD}?\n\n${ANSWER}\n`);
    fs.writeFileSync(path.join(knowledgeDir, "metadata.yaml"), `# Onze documenten\n${old}:\n  title: Hoe vier ik het ${QUESTION_WORD}?\n  kind: antwoord van tolk\n  themes: [vergunningen]\n`);
    const store = openTestStore(temp.dir);
    await ingestSources({ store, knowledgeDir, sources: [path.join(knowledgeDir, old)], maxFileBytes: 1024 * 1024 });
    // The stopped run had written the new file already.
    fs.writeFileSync(path.join(knowledgeDir, "antwoorden/2026-01-05-antwoord-abcdef12.md"), `# Antwoord van een tolk\n\n${ANSWER}\n`);

    await forgetInApprovedAnswers({ askedIn: [{ id: "abcdef12-3456", theme: "vergunningen" }], names: [] }, { knowledgeDir, store, maxFileBytes: 1024 * 1024 });
    expect(fs.readdirSync(path.join(knowledgeDir, "antwoorden"))).toEqual(["2026-01-05-antwoord-abcdef12.md"]);
    expect(store.listDocuments().map((d) => [d.id, d.title])).toEqual([["antwoorden/2026-01-05-antwoord-abcdef12.md", "Antwoord van een tolk over vergunningen"]]);
    const metadata = fs.readFileSync(path.join(knowledgeDir, "metadata.yaml"), "utf8");
    expect(metadata).toBe("# Onze documenten\nantwoorden/2026-01-05-antwoord-abcdef12.md:\n  title: Antwoord van een tolk over vergunningen\n  kind: antwoord van tolk\n  themes: [vergunningen]\n");
  });
});

describe("forgetting in an approved answer a maintainer renamed by hand", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given its name no longer ending in the handoff's id, then it is found by its heading (the question) and loses the question all the same", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(path.join(knowledgeDir, "antwoorden"), { recursive: true });
    const renamed = "antwoorden/vergunning-feest.md";
    fs.writeFileSync(path.join(knowledgeDir, renamed), `# Hoe vier ik het ${QUESTION_WORD}?\n\n${ANSWER}\n`);
    fs.writeFileSync(path.join(knowledgeDir, "metadata.yaml"), `${renamed}:\n  title: Hoe vier ik het ${QUESTION_WORD}?\n  kind: antwoord van tolk\n`);
    const store = openTestStore(temp.dir);
    await ingestSources({ store, knowledgeDir, maxFileBytes: 1024 * 1024 });

    const asked = [{ id: "abcdef12-3456", theme: "vergunningen", question: `Hoe vier ik het <b>${QUESTION_WORD}</b>?` }];
    await forgetInApprovedAnswers({ askedIn: asked, names: [] }, { knowledgeDir, store, maxFileBytes: 1024 * 1024 });
    const files = fs.readdirSync(path.join(knowledgeDir, "antwoorden"));
    const texts = files.map((f) => fs.readFileSync(path.join(knowledgeDir, "antwoorden", f), "utf8")).join("\n");
    expect(texts).toContain(ANSWER);
    expect(texts).not.toContain(QUESTION_WORD);
    expect(fs.readFileSync(path.join(knowledgeDir, "metadata.yaml"), "utf8")).not.toContain(QUESTION_WORD);
    expect(store.listDocuments().map((d) => d.title)).toEqual(["Antwoord van een tolk over vergunningen"]);
  });
});

describe("kennis -- vergeet of a web asker who gave no name", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given another asker's approved answer that says 'de vrager', then that answer keeps those words (the name every unnamed asker gets is nobody's name)", async () => {
    const config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2" });
    const app = createApp(config, createLogger("error"));
    await app.start();
    const url = (app.channels[0] as WebChatChannel).url;
    // As the chat page posts: the text, no name.
    const post = async (body: object, route = "/api/messages") =>
      (await (await fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as Record<string, string>;
    const tolk = await teamLogin(url, config.databasePath, "tolk");
    const frits = { conversationId: "conv-frits", userId: "web-frits" };
    const { handoffId } = await post({ ...frits, text: "Ik wil een mens spreken over het buurtfonds" });
    await post({ ...frits, action: "share", handoffId }, "/api/actions");
    await tolk.postJson(`/api/tolk/handoffs/${handoffId}/claim`, {});
    await tolk.postJson(`/api/tolk/handoffs/${handoffId}/reply`, { text: "Het wijkteam helpt de vrager met het formulier van het buurtfonds." });
    await tolk.postJson(`/api/tolk/handoffs/${handoffId}/close`, { addToKnowledge: true });
    const eva = { conversationId: "conv-eva", userId: "web-eva" };
    const asked = await post({ ...eva, text: "Ik wil een mens spreken over de speeltuin" });
    await post({ ...eva, action: "share", handoffId: asked.handoffId }, "/api/actions");
    for (let i = 0; i < 100 && withDatabase(config.databasePath, (db) => db.prepare("SELECT count(*) FROM handoff_outbox WHERE delivered_at IS NULL").pluck().get() as number) > 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    await app.stop();
    const answers = path.join(config.knowledgeDir, "antwoorden");
    const [file] = fs.readdirSync(answers);
    expect(fs.readFileSync(path.join(answers, file!), "utf8")).toContain("helpt de vrager met");

    await run(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(REPO_ROOT, "src/cli/kennis.ts"), "vergeet", `web:${eva.userId}`], {
      cwd: temp.dir, env: { PATH: process.env.PATH, DATA_DIR: temp.dir, KNOWLEDGE_DIR: config.knowledgeDir, ROSTER_FILE: config.rosterFile, LOG_LEVEL: "error" },
    });
    expect(fs.readdirSync(answers)).toEqual([file]);
    expect(fs.readFileSync(path.join(answers, file!), "utf8")).toContain("Het wijkteam helpt de vrager met het formulier van het buurtfonds.");
    expect(withDatabase(config.databasePath, (db) => db.prepare("SELECT count(*) FROM passages WHERE text LIKE '%helpt de vrager met%'").pluck().get())).toBe(1);
    // Frits's own handoff keeps the answer he was given, word for word.
    expect(withDatabase(config.databasePath, (db) => db.prepare("SELECT data FROM handoffs WHERE id = ?").pluck().get(handoffId))).toContain("helpt de vrager met");
  });
});
