import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../../src/app/create-app.js";
import type { Config } from "../../src/config.js";
import type { Reply } from "../../src/core/reply.js";
import { teamLogin } from "../helpers/team-login.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebServer, type WebServer } from "../helpers/web-server.js";

const PERSONAL = "Mijn buurvrouw Joke is ernstig ziek, wie in Lopik kan haar vandaag naar het ziekenhuis in Nieuwegein rijden?";

/**
 * What other people can do to a question that is not theirs, through the real web server: a second
 * writer in the same conversation, a web request naming a Slack user's id, a write into a team thread.
 */
describe("someone else than the asker", () => {
  const temp = tempDir();
  let server: WebServer;
  let app: App;
  let url: string;
  let config: Config;
  let db: WebServer["db"];
  let repository: WebServer["repository"];

  beforeAll(async () => {
    config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2", MAX_QUESTION_CHARS: "2000" });
    server = await startWebServer(config);
    ({ app, url, db, repository } = server);
  });
  afterAll(async () => {
    await server?.stop();
    temp.cleanup();
  });

  const post = async (route: string, body: object) => fetch(`${url}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const postReply = async (route: string, body: object) => (await (await post(route, body)).json()) as Reply;
  const handoffsHolding = (text: string) => (db.prepare("SELECT id, status FROM handoffs WHERE instr(data, ?) > 0").all(text) as Array<{ id: string; status: string }>);

  it("given two people in one conversation, then the second one's 'ja' neither continues nor shares the first one's question", async () => {
    const first = await postReply("/api/messages", { conversationId: "shared-1", userId: "u1", text: PERSONAL });
    expect(first).toMatchObject({ decision: "handoff", actions: ["share", "share_anonymous", "dont_share"] });
    await postReply("/api/messages", { conversationId: "shared-1", userId: "u2", text: "ja" });
    await postReply("/api/actions", { conversationId: "shared-1", userId: "u2", action: "share" });
    await postReply("/api/actions", { conversationId: "shared-1", userId: "u2", action: "ask_human" });

    // Only u1's own handoff holds u1's words, and it still waits for u1.
    expect(handoffsHolding("Joke")).toEqual([{ id: first.handoffId, status: "awaiting_consent" }]);
  });

  it("given a Slack user's handoff, then a web request with that user's id can neither consent, write, nor close", async () => {
    const slack = app.handoffs.request({
      question: "Hoe regelen we een vergunning voor het dorpsfeest op het plein?",
      asker: { channel: "slack", conversationId: "C0DORP:1700000000.000100", userId: "U0ASKER", name: "Anna" },
      findings: [],
    });
    for (const action of ["share", "share_anonymous", "reply", "close"] as const) {
      const reply = await postReply("/api/actions", { conversationId: "web-forger", userId: "U0ASKER", action, handoffId: slack.id, text: "namens Anna" });
      expect(reply.reason, action).toBe("not-allowed");
    }
    expect(repository.get(slack.id)?.handoff.status).toBe("awaiting_consent");
  });

  it("given an asker who writes to a conversation id of a team thread, then it is refused and the thread stays as it was", async () => {
    const handoffId = (await postReply("/api/messages", { conversationId: "thread-1", userId: "u3", text: "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?" })).handoffId!;
    const before = db.prepare("SELECT count(*) FROM web_messages WHERE conversation_id = ?").pluck().get(`handoff:${handoffId}`);
    for (const route of ["/api/messages", "/api/actions"]) {
      const res = await post(route, { conversationId: `handoff:${handoffId}`, userId: "u3", text: "<b>ik ben het team</b>", action: "close" });
      expect(res.status, route).toBe(404);
    }
    expect(db.prepare("SELECT count(*) FROM web_messages WHERE conversation_id = ?").pluck().get(`handoff:${handoffId}`)).toBe(before);
  });

  it("given a question for a person longer than MAX_QUESTION_CHARS through 'Vraag een mens', then the team gets it cut", async () => {
    const reply = await postReply("/api/actions", { conversationId: "long-1", userId: "u4", action: "ask_human", question: `Waar kunnen we terecht? ${"heel lang verhaal ".repeat(3000)}` });
    expect(repository.get(reply.handoffId!)?.handoff.question.length).toBeLessThanOrEqual(2000);
  });

  it("given a question the asker does not share, then the web chat keeps no copy of its text either", async () => {
    const asked = await postReply("/api/messages", { conversationId: "secret-1", userId: "u5", text: `${PERSONAL} GEHEIMWOORD` });
    expect(db.prepare("SELECT count(*) FROM web_messages WHERE instr(text, 'GEHEIMWOORD') > 0").pluck().get()).toBe(1);
    await postReply("/api/actions", { conversationId: "secret-1", userId: "u5", action: "dont_share", handoffId: asked.handoffId });
    expect(repository.get(asked.handoffId!)?.handoff.status).toBe("declined");
    expect(db.prepare("SELECT count(*) FROM web_messages WHERE instr(text, 'GEHEIMWOORD') > 0").pluck().get()).toBe(0);
  });

  it("given a team member whose reply is refused (not theirs) or delivered twice, then the thread shows it never, or once", async () => {
    const handoffId = (await postReply("/api/messages", { conversationId: "team-1", userId: "u6", text: "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?" })).handoffId!;
    await postReply("/api/actions", { conversationId: "team-1", userId: "u6", action: "share", handoffId });
    const tolk = await teamLogin(url, config.databasePath, "tolk");
    const coordinator = await teamLogin(url, config.databasePath, "coordinator");
    await expect.poll(async () => (await tolk.post(`/api/tolk/handoffs/${handoffId}/claim`, {})).status, { timeout: 10_000 }).toBe(200);
    expect((await coordinator.post(`/api/tolk/handoffs/${handoffId}/reply`, { text: "WEIGERTEKST" })).status).toBe(409);
    expect((await tolk.post(`/api/tolk/handoffs/${handoffId}/reply`, { text: "EENKEERTEKST", eventKey: "r1" })).status).toBe(200);
    await tolk.post(`/api/tolk/handoffs/${handoffId}/reply`, { text: "EENKEERTEKST", eventKey: "r1" });
    const thread = db.prepare("SELECT text FROM web_messages WHERE conversation_id = ?").pluck().all(`handoff:${handoffId}`) as string[];
    expect(thread.filter((t) => t.includes("WEIGERTEKST"))).toEqual([]);
    expect(thread.filter((t) => t.includes("EENKEERTEKST"))).toHaveLength(1);
    expect((await coordinator.post("/api/tolk/handoffs/bestaat-niet/reply", { text: "WEES" })).status).toBe(409);
    expect(db.prepare("SELECT count(*) FROM web_messages WHERE conversation_id = 'handoff:bestaat-niet'").pluck().get()).toBe(0);
  });
});
