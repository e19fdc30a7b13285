import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { webOnlyAppForTests } from "../helpers/web-only-app.js";
import { FAULT_TEST_MS, PATIENCE_MS, statusOf, until } from "./kill-points.js";

const QUESTION = "Hoe regel ik een parkeervergunning voor de vrijwilligers van ons dorpshuis?";

/**
 * Promise: every question gets an answer or a handoff, never silence, across restarts too (README,
 * Guarantees); nothing is shared without consent. A web question for a person creates its handoff
 * (awaiting the asker's consent) and then keeps the reply that asks for that consent. The app is
 * killed between the two: the reply's write fails (a trigger in the real database refuses it, as a
 * process killed right there leaves it unwritten) and the app is killed (SIGKILL) and started again.
 * The page's history then still asks the consent question, once, and answering it shares the question.
 */
describe("a web question for a person cut off before its consent question is kept", () => {
  const web = webOnlyAppForTests(() => ({ HANDOFF_TICK_SECONDS: "0.2", HANDOFF_WORKING_HOURS: "always" }), FAULT_TEST_MS);

  const inDatabase = <T>(work: (db: Database.Database) => T): T => {
    const db = new Database(web.databaseFile);
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  const post = (route: string, body: object) =>
    fetch(`${web.base}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const history = async (conversationId: string) =>
    (await (await fetch(`${web.base}/api/conversations/${conversationId}/messages?after=0&alles=1`)).json()) as Array<{ author: string; text: string }>;
  const consentQuestions = (messages: Array<{ author: string; text: string }>, handoffId: string) =>
    messages.filter((m) => m.author === "antwoord").map((m) => JSON.parse(m.text) as Record<string, unknown>).filter((reply) => reply.handoffId === handoffId);

  it("given the app killed after the handoff is created and before its reply is kept, then after the restart the history asks for consent once, and sharing passes the question on", async () => {
    const asker = { conversationId: "kill-consent-1", userId: "asker-c", userName: "Noor" };
    // The fault: the reply of this conversation is not written, as if the process died right there.
    inDatabase((db) => db.exec(`CREATE TRIGGER cut_off_reply BEFORE INSERT ON web_messages WHEN NEW.conversation_id = '${asker.conversationId}' AND NEW.author = 'antwoord'
      BEGIN SELECT RAISE(ABORT, 'injected fault: the reply is not kept'); END`));
    expect((await post("/api/messages", { ...asker, text: QUESTION })).ok).toBe(false);
    const handoffId = inDatabase((db) => db.prepare("SELECT id FROM handoffs WHERE asker_conversation = ?").pluck().get(asker.conversationId) as string | undefined);
    expect(handoffId).toBeDefined();
    expect(statusOf(web.databaseFile, handoffId!)).toBe("awaiting_consent");
    await web.app.kill();
    inDatabase((db) => db.exec("DROP TRIGGER cut_off_reply"));

    await web.restart();
    const after = await history(asker.conversationId);
    expect(after.map((m) => m.author)).toEqual(["vrager", "antwoord"]);
    const [question] = consentQuestions(after, handoffId!);
    expect(question).toMatchObject({ decision: "handoff", handoffId, actions: ["share", "share_anonymous", "dont_share"] });
    expect(question!.text).toMatch(/doorgeven|delen/i);
    // Read again (a reload), it is still there once.
    expect(consentQuestions(await history(asker.conversationId), handoffId!)).toHaveLength(1);

    // The asker answers it on the page: the question is shared, and the next step of the page follows it.
    const shared = await post("/api/actions", { ...asker, action: "share", handoffId, eventKey: "share-1" });
    expect(shared.status).toBe(200);
    await until(() => statusOf(web.databaseFile, handoffId!) === "open", "the shared question to be open for the team", PATIENCE_MS);
    expect(consentQuestions(await history(asker.conversationId), handoffId!)).toHaveLength(2);
  }, FAULT_TEST_MS);
});
