import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { teamLogin } from "../helpers/team-login.js";
import { webOnlyAppForTests } from "../helpers/web-only-app.js";
import { FAULT_TEST_MS, PATIENCE_MS, until } from "./kill-points.js";

const ANSWER = "Vraag een ontheffing aan bij de gemeente; dat kan online.";

/**
 * Promise: nothing is lost on the way, across restarts too (README, Guarantees). A tolk's answer in the
 * web team view reaches the asker and the handoff's thread in the team view. The write of the thread's
 * copy fails (a fault injected in the real database: a trigger refuses it, as a process killed right
 * there leaves it unwritten), the app is killed (SIGKILL) and started again: the thread still gets the
 * answer, once.
 */
describe("a tolk's web answer cut off before the team thread has it", () => {
  const web = webOnlyAppForTests(() => ({ HANDOFF_TICK_SECONDS: "0.2", HANDOFF_WORKING_HOURS: "always" }), FAULT_TEST_MS);

  const post = async (route: string, body: object) =>
    (await (await fetch(`${web.base}${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).json()) as Record<string, unknown>;
  const teamThread = async (handoffId: string) => {
    const tolk = await teamLogin(web.base, web.databaseFile, "tolk");
    const team = (await (await tolk.get("/api/tolk/handoffs")).json()) as { handoffs: Array<{ id: string; thread: Array<{ author: string; text: string }> }> };
    return team.handoffs.find((h) => h.id === handoffId)?.thread ?? [];
  };
  const inDatabase = (sql: string) => {
    const db = new Database(web.databaseFile);
    try {
      db.exec(sql);
    } finally {
      db.close();
    }
  };

  it("given the thread's copy of the answer is not written and the app is killed, then after the restart the thread shows the answer once, and the asker has it once", async () => {
    const asker = { conversationId: "kill-reply-1", userId: "asker-1", userName: "Sanne" };
    const handoff = await post("/api/messages", { ...asker, text: "Hoe regel ik een parkeervergunning voor de vrijwilligers van ons dorpshuis?" });
    expect(handoff.decision).toBe("handoff");
    const handoffId = handoff.handoffId as string;
    await post("/api/actions", { ...asker, action: "share", handoffId, eventKey: "share-1" });
    const tolk = await teamLogin(web.base, web.databaseFile, "tolk");
    expect(await tolk.postJson(`/api/tolk/handoffs/${handoffId}/claim`, { eventKey: "claim-1" })).toMatchObject({ ok: true });
    await until(async () => (await teamThread(handoffId)).some((m) => m.text.includes("pakt dit op")), "the claim in the team thread", PATIENCE_MS);

    // The fault: every write of a person's message into a handoff's thread fails, until the restart.
    inDatabase(`CREATE TRIGGER cut_off_thread_copy BEFORE INSERT ON web_messages WHEN NEW.conversation_id LIKE 'handoff:%' AND NEW.author LIKE 'mens:%'
      BEGIN SELECT RAISE(ABORT, 'injected fault: the thread copy is not written'); END`);
    await tolk.post(`/api/tolk/handoffs/${handoffId}/reply`, { text: ANSWER, eventKey: "reply-1" });
    await web.app.kill();
    inDatabase("DROP TRIGGER cut_off_thread_copy");

    await web.restart();
    await until(async () => (await teamThread(handoffId)).some((m) => m.text === ANSWER), "the tolk's answer in the team thread after the restart", PATIENCE_MS);
    expect((await teamThread(handoffId)).filter((m) => m.text === ANSWER)).toEqual([expect.objectContaining({ author: "mens:Tolk van het netwerk" })]);
    // The same answer delivered again (the team page retries with its key): neither place gets it twice.
    expect(await (await teamLogin(web.base, web.databaseFile, "tolk")).postJson(`/api/tolk/handoffs/${handoffId}/reply`, { text: ANSWER, eventKey: "reply-1" })).toMatchObject({ ok: false });
    const feed = async () => (await (await fetch(`${web.base}/api/conversations/${asker.conversationId}/messages?after=0`)).json()) as Array<{ text: string }>;
    await until(async () => (await feed()).some((m) => m.text.includes(ANSWER)), "the answer in the asker's feed", PATIENCE_MS);
    expect((await feed()).filter((m) => m.text.includes(ANSWER))).toHaveLength(1);
    expect((await teamThread(handoffId)).filter((m) => m.text === ANSWER)).toHaveLength(1);
  }, FAULT_TEST_MS);
});
