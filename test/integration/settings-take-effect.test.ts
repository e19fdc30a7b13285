import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import type { Reply } from "../../src/core/reply.js";
import { teamLogin } from "../helpers/team-login.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";
import { startWebServer, type WebServer } from "../helpers/web-server.js";

const ANSWERABLE = "Wat is een burgerbegroting?";
const UNANSWERABLE = "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?";
const DAY = 86_400_000;

/**
 * README, Settings: each setting's effect, through the running app (the other tests set these in code
 * objects, or not at all): ANSWER_MIN_CONFIDENCE, HANDOFF_SHOW_HELPER_NAMES and HANDOFF_REOPEN_DAYS.
 */
async function withApp(env: Record<string, string>, body: (web: WebServer, config: Config) => Promise<void>): Promise<void> {
  const temp = tempDir();
  const config = testConfig(temp.dir, { HANDOFF_TICK_SECONDS: "0.2", ...env });
  const web = await startWebServer(config);
  try {
    await body(web, config);
  } finally {
    await web.stop();
    temp.cleanup();
  }
}

const say = async (web: WebServer, conversationId: string, text: string): Promise<Reply> =>
  (await (await fetch(`${web.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ conversationId, text }) })).json()) as Reply;
const act = (web: WebServer, conversationId: string, action: string, handoffId: string) =>
  fetch(`${web.url}/api/actions`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ conversationId, action, handoffId }) });

/** Asks, shares, and lets the roster's tolk claim, answer and close; gives the conversation's feed afterwards. */
async function answeredByTolk(web: WebServer, config: Config, conversationId: string) {
  const asked = await say(web, conversationId, UNANSWERABLE);
  expect(asked.decision).toBe("handoff");
  await act(web, conversationId, "share", asked.handoffId!);
  const tolk = await teamLogin(web.url, config.databasePath, "tolk");
  expect((await tolk.postJson(`/api/tolk/handoffs/${asked.handoffId}/claim`, {})).ok).toBe(true);
  expect((await tolk.postJson(`/api/tolk/handoffs/${asked.handoffId}/reply`, { text: "Acht weken vooraf bij de gemeente aanvragen." })).ok).toBe(true);
  expect((await tolk.postJson(`/api/tolk/handoffs/${asked.handoffId}/close`, {})).ok).toBe(true);
  const feed = async () => (await (await fetch(`${web.url}/api/conversations/${conversationId}/messages`)).json()) as Array<{ author: string; text: string }>;
  for (let attempt = 0; attempt < 200; attempt++) {
    const messages = await feed();
    if (messages.some((m) => m.text.includes("Acht weken"))) return { handoffId: asked.handoffId!, messages };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the tolk's answer did not reach the conversation: ${JSON.stringify(await feed())}`);
}

describe("settings take effect in the running app", () => {
  it("given ANSWER_MIN_CONFIDENCE just above a question's confidence, then it goes to a person; at its confidence, it is answered", async () => {
    let confidence = 0;
    await withApp({}, async (web) => {
      const reply = await say(web, "c-default", ANSWERABLE);
      expect(reply.decision).toBe("answer");
      confidence = reply.confidence;
    });
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThan(0.999);
    await withApp({ ANSWER_MIN_CONFIDENCE: String(confidence + 0.001) }, async (web) => {
      expect((await say(web, "c-strict", ANSWERABLE)).decision).toBe("handoff");
    });
    await withApp({ ANSWER_MIN_CONFIDENCE: String(confidence) }, async (web) => {
      expect((await say(web, "c-exact", ANSWERABLE)).decision).toBe("answer");
    });
  });

  it("given HANDOFF_SHOW_HELPER_NAMES=false, then the asker reads the tolk's answer without the tolk's name; by default with it", async () => {
    for (const [show, expectation] of [["false", false], ["true", true]] as const) {
      await withApp({ HANDOFF_SHOW_HELPER_NAMES: show }, async (web, config) => {
        const { messages } = await answeredByTolk(web, config, `names-${show}`);
        const relayed = messages.find((m) => m.text.includes("Acht weken"))!;
        const everything = JSON.stringify(messages);
        expect(everything.includes("Tolk van het netwerk") || relayed.author.includes("Tolk van het netwerk"), show).toBe(expectation);
        if (!expectation) expect(everything).toContain("een tolk uit het netwerk");
      });
    }
  });

  it("given HANDOFF_REOPEN_DAYS=3, then a closed question can be reopened until three days after it was closed", async () => {
    await withApp({ HANDOFF_REOPEN_DAYS: "3" }, async (web, config) => {
      const { handoffId } = await answeredByTolk(web, config, "reopen");
      const state = (await (await fetch(`${web.url}/api/conversations/reopen/handoff`)).json()) as { handoff: { id: string; status: string; reopenUntil: string } };
      expect(state.handoff).toMatchObject({ id: handoffId, status: "resolved" });
      const resolvedAt = Date.parse(web.repository.get(handoffId)!.handoff.resolvedAt!);
      expect(Date.parse(state.handoff.reopenUntil) - resolvedAt).toBe(3 * DAY);
    });
  });
});
