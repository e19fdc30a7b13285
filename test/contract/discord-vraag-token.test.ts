import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import { APPLICATION_ID, FakeDiscord, GENERAL, TOKEN } from "../fakes/fake-discord.js";
import { memoryLogger } from "../helpers/memory-logger.js";
import { copyOfStarterKnowledge, tempDir, testConfig } from "../helpers/temp-knowledge.js";

const ANNA = { id: "960000000000000001", username: "anna" };
const UNANSWERABLE = "Wie is de wethouder die nu over de subsidie voor ons dorpshuis beslist?";
type Row = { body: string; done_at: string | null };

/** A `/vraag` keeps its interaction token in the inbox only as long as it is of use, and never logs it. */
describe("Discord /vraag: the interaction token in the inbox", () => {
  const temp = tempDir();
  const discord = new FakeDiscord();
  const lines: string[] = [];
  let app: App | undefined;
  const dbFile = path.join(temp.dir, "vliegwiel.db");

  let apiUrl = "";
  let knowledgeDir = "";

  /** The app (again) on the same database, logging everything (debug) where the test reads it. */
  const startApp = async () => {
    const config = testConfig(temp.dir, { WEB_ENABLED: "false", DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: apiUrl, KNOWLEDGE_DIR: knowledgeDir });
    app = createApp(config, memoryLogger("debug", lines).logger);
    await app.start();
  };
  const rowOf = (interactionId: string): Row | undefined => {
    const db = new Database(dbFile, { readonly: true });
    try {
      return db.prepare("SELECT body, done_at FROM event_inbox WHERE key = ?").get(`discord:vraag:${interactionId}`) as Row | undefined;
    } finally {
      db.close();
    }
  };
  beforeAll(async () => {
    apiUrl = await discord.start();
    knowledgeDir = copyOfStarterKnowledge(temp.dir);
  });
  afterAll(async () => {
    await discord.stop();
    temp.cleanup();
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    discord.onRequest = undefined;
  });

  it("given /vraag, then the stored token is gone once the deferred reply is edited (before the consent question follows), the row holds nothing once answered, and no log line holds it", async () => {
    await startApp();
    const interaction = discord.interaction({ type: 2, channelId: GENERAL, user: ANNA, data: { id: "1", name: "vraag", type: 1, options: [{ name: "vraag", type: 3, value: UNANSWERABLE }] } });
    let atFollowUp: Row | undefined;
    discord.onRequest = (method, route) => {
      // The consent question, sent with the token after the edit: what the inbox holds at that moment.
      if (method === "POST" && route === `/webhooks/${APPLICATION_ID}/${interaction.token}` && !atFollowUp) atFollowUp = rowOf(interaction.id);
    };
    discord.dispatch("INTERACTION_CREATE", interaction);
    await discord.waitFor("POST", new RegExp(`^/webhooks/${APPLICATION_ID}/[^/]+$`), 1, 60_000);
    expect(atFollowUp?.body).toBeDefined();
    expect(atFollowUp!.body).not.toContain(interaction.token);
    // What a restart needs is still there: the question, and that the reply was edited.
    expect(JSON.parse(atFollowUp!.body)).toMatchObject({ question: UNANSWERABLE, edited: true, token: "" });
    await discord.waitUntil(() => rowOf(interaction.id)?.done_at != null, "the /vraag to be done", 30_000);
    expect(rowOf(interaction.id)!.body).toBe("");
    expect(lines.join("")).not.toContain(interaction.token);
  }, 120_000);

  it("given a /vraag a stop cut off and found after its 15 minutes, then its token is forgotten before the late answer is worked on", async () => {
    const interaction = discord.interaction({ type: 2, channelId: GENERAL, user: ANNA, createdAt: Date.now() - 20 * 60_000, data: { id: "1", name: "vraag", type: 1, options: [{ name: "vraag", type: 3, value: "Wat is een burgerbegroting?" }] } });
    const ask = { interactionId: interaction.id, applicationId: APPLICATION_ID, token: interaction.token, channelId: GENERAL, inServer: true, whole: false, userId: ANNA.id, userName: "anna", question: "Wat is een burgerbegroting?" };
    const db = new Database(dbFile);
    db.prepare("INSERT INTO event_inbox (key, body, boot, received_at) VALUES (?, ?, 'stopped-process', ?)").run(`discord:vraag:${interaction.id}`, JSON.stringify(ask), new Date(Date.now() - 20 * 60_000).toISOString());
    db.close();
    let atLateNote: Row | undefined;
    discord.onRequest = (method, route) => {
      if (method === "POST" && route === `/channels/${GENERAL}/messages` && !atLateNote) atLateNote = rowOf(interaction.id);
    };
    await startApp();
    await discord.waitUntil(() => rowOf(interaction.id)?.done_at != null, "the late /vraag to be done", 60_000);
    expect(atLateNote?.body).toBeDefined();
    expect(atLateNote!.body).not.toContain(interaction.token);
    expect(JSON.parse(atLateNote!.body)).toMatchObject({ question: "Wat is een burgerbegroting?" });
    expect(rowOf(interaction.id)!.body).toBe("");
    expect(lines.join("")).not.toContain(interaction.token);
  }, 120_000);

  it("given a /vraag stopped after its answer was edited in (token forgotten), then after the restart the consent question goes to the asker in a DM, not to the channel", async () => {
    const interaction = discord.interaction({ type: 2, channelId: GENERAL, user: ANNA, data: { id: "1", name: "vraag", type: 1, options: [{ name: "vraag", type: 3, value: UNANSWERABLE }] } });
    const ask = { interactionId: interaction.id, applicationId: APPLICATION_ID, token: "", channelId: GENERAL, inServer: true, whole: false, userId: ANNA.id, userName: "anna", question: UNANSWERABLE, edited: true, conversationId: `${GENERAL}:answer` };
    const db = new Database(dbFile);
    db.prepare("INSERT INTO event_inbox (key, body, boot, received_at) VALUES (?, ?, 'stopped-process', ?)").run(`discord:vraag:${interaction.id}`, JSON.stringify(ask), new Date().toISOString());
    db.close();
    const before = discord.callsTo("POST", new RegExp(`^/channels/${GENERAL}/messages$`)).length;
    await startApp();
    await discord.waitUntil(() => rowOf(interaction.id)?.done_at != null, "the stopped /vraag to be done", 60_000);
    const dm = discord.callsTo("POST", /^\/users\/@me\/channels$/).filter((c) => c.body.recipient_id === ANNA.id);
    expect(dm.length).toBeGreaterThan(0);
    const inDm = discord.callsTo("POST", /^\/channels\/97\d+\/messages$/);
    expect(inDm.some((c) => JSON.stringify(c.body.components ?? []).length > 2)).toBe(true);
    const inChannel = discord.callsTo("POST", new RegExp(`^/channels/${GENERAL}/messages$`)).slice(before);
    expect(inChannel.filter((c) => JSON.stringify(c.body.components ?? []).length > 2)).toEqual([]);
  }, 120_000);
});
