import { describe, expect, it } from "vitest";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import type { App } from "../../src/app/create-app.js";
import { until } from "../faults/kill-points.js";
import { slackAppForTests } from "../helpers/slack-app.js";
import { ROSTER_YAML, SlackDriver, TOLKEN, waitForCall } from "../helpers/slack-flow.js";

/** When Slack refuses a message for good: a plainer message, another place, and the tolk is told. */
describe("Slack fallbacks for permanent failures", () => {
  const slack = new FakeSlackApi();
  let driver: SlackDriver;
  let app: App;
  let ts = 1_700_500_000;
  const nextTs = () => `${ts++}.000100`;

  slackAppForTests(slack, { roster: ROSTER_YAML, env: { WEB_ENABLED: "false", SLACK_HANDOFF_CHANNEL: TOLKEN, HANDOFF_TICK_SECONDS: "0.1" } }, (started) => {
    ({ driver, app } = started);
  });

  for (const error of ["msg_too_long", "invalid_blocks"]) {
    it(`given an answer Slack refuses with ${error}, then it is posted again as plain text and the asker reads it`, async () => {
      const t = nextTs();
      slack.failNext.set("chat.postMessage C0ERR", [error]);
      await driver.event(`EvF12${error}`, { type: "app_mention", user: "U0ASKER", text: "<@U0BOT> Wat is een burgerbegroting?", ts: t, channel: "C0ERR" });
      const plain = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "C0ERR" && c.body.thread_ts === t && c.response.ok === true);
      expect(plain.body.blocks).toBeUndefined();
      expect(String(plain.body.text)).toMatch(/burgerbegroting/i);
    });
  }

  it("given the consent question cannot be shown privately in the channel (user_not_in_channel), then it reaches the asker's DM and its buttons work there", async () => {
    const t = nextTs();
    slack.failNext.set("chat.postEphemeral", ["user_not_in_channel"]);
    await driver.event("EvF12e", { type: "app_mention", user: "U0ASKER", text: "<@U0BOT> Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?", ts: t, channel: "C0EPH" });
    const prompt = await waitForCall(slack, "chat.postMessage", (c) => String(c.body.channel).startsWith("D") && JSON.stringify(c.body.blocks ?? "").includes("vliegwiel_share"), 60_000);
    // Never shown to the channel.
    expect(slack.callsTo("chat.postMessage").filter((c) => c.body.channel === "C0EPH")).toEqual([]);
    type Block = { type: string; elements?: Array<{ value: string }> };
    const handoffId = (prompt.body.blocks as Block[]).find((b) => b.type === "actions")!.elements![0]!.value;
    await driver.press("U0ASKER", "vliegwiel_share", handoffId, String(prompt.body.channel), { message_ts: String(prompt.response.ts) });
    await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === TOLKEN && !c.body.thread_ts && JSON.stringify(c.body.blocks ?? "").includes(handoffId));
  }, 90_000);

  const claimedHandoff = async (eventId: string, channel: string) => {
    const t = nextTs();
    const handoffId = await driver.askForPerson(eventId, "U0ASKER", channel, t);
    await driver.share("U0ASKER", handoffId, channel, t);
    const head = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === TOLKEN && !c.body.thread_ts && JSON.stringify(c.body.blocks ?? "").includes(handoffId) && c.response.ok === true);
    const headTs = String(head.response.ts);
    await driver.press("U0ANNA", "vliegwiel_claim", handoffId, TOLKEN, { message_ts: headTs });
    await waitForCall(slack, "chat.update", (c) => c.body.ts === headTs && /Anna/.test(JSON.stringify(c.body.blocks)));
    await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === channel && c.body.thread_ts === t && /opgepakt/.test(String(c.body.text)) && c.response.ok === true);
    return headTs;
  };

  it("given Vliegwiel was removed from the asker's channel, then the tolk's answer reaches the asker by DM and the tolk is told so", async () => {
    const headTs = await claimedHandoff("EvF12r", "C0GONE");
    slack.notInChannel.add("C0GONE");
    await driver.event("EvF12r2", { type: "message", user: "U0ANNA", text: "Bel de gemeente, die helpt je verder.", ts: nextTs(), thread_ts: headTs, channel: TOLKEN, channel_type: "channel" });
    const dm = await waitForCall(slack, "chat.postMessage", (c) => String(c.body.channel).startsWith("D") && String(c.body.text).includes("Bel de gemeente") && c.response.ok === true);
    expect(JSON.stringify(dm.body.blocks)).toMatch(/Over je vraag/);
    const notice = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === TOLKEN && c.body.thread_ts === headTs && /privébericht/.test(String(c.body.text)));
    expect(String(notice.body.text)).toMatch(/geen lid meer/);
  }, 90_000);

  it("given Vliegwiel was removed from the asker's channel before a notice for them, then the notice reaches their DM and later steps are not held up", async () => {
    const t = nextTs();
    const handoffId = await driver.askForPerson("EvF12n", "U0ASKER", "C0GONE3", t);
    await driver.share("U0ASKER", handoffId, "C0GONE3", t);
    const head = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === TOLKEN && !c.body.thread_ts && JSON.stringify(c.body.blocks ?? "").includes(handoffId) && c.response.ok === true);
    slack.notInChannel.add("C0GONE3");
    await driver.press("U0ANNA", "vliegwiel_claim", handoffId, TOLKEN, { message_ts: String(head.response.ts) });
    await waitForCall(slack, "chat.postMessage", (c) => String(c.body.channel).startsWith("D") && /opgepakt/.test(String(c.body.text)) && c.response.ok === true);
  }, 90_000);

  it("given the asker can be reached neither in their channel nor by DM, then the tolk is told it is retried and how to fix it", async () => {
    const headTs = await claimedHandoff("EvF12s", "C0GONE2");
    slack.notInChannel.add("C0GONE2");
    slack.failNext.set("conversations.open", Array(20).fill("cannot_dm_bot"));
    await driver.event("EvF12s2", { type: "message", user: "U0ANNA", text: "Vraag het de wijkagent.", ts: nextTs(), thread_ts: headTs, channel: TOLKEN, channel_type: "channel" });
    const notice = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === TOLKEN && c.body.thread_ts === headTs && /nog niet bereikt/.test(String(c.body.text)));
    expect(String(notice.body.text)).toMatch(/probeert het later opnieuw/);
    // Refused again on the outbox's next tries: the tolk is not told again.
    await waitForCall(slack, "conversations.open", () => slack.callsTo("conversations.open").filter((c) => c.response.error === "cannot_dm_bot").length >= 3, 60_000);
    expect(slack.messages.filter((m) => m.channel === TOLKEN && m.thread_ts === headTs && /nog niet bereikt/.test(String(m.text)))).toHaveLength(1);
    slack.failNext.delete("conversations.open");
  }, 90_000);

  it("given the relay by DM is cut before it landed and Slack then refuses the DM, then the tolk is told once that it did not arrive", async () => {
    const headTs = await claimedHandoff("EvF12u", "C0GONEU");
    slack.notInChannel.add("C0GONEU");
    let cut = false;
    slack.onRequest = (method, body) => {
      if (cut || method !== "chat.postMessage" || !String(body.channel).startsWith("D") || !String(body.text).includes("Probeer het buurthuis")) return undefined;
      cut = true;
      slack.failNext.set("conversations.open", Array(20).fill("cannot_dm_bot")); // from now on Slack refuses the DM
      return "drop";
    };
    await driver.event("EvF12u2", { type: "message", user: "U0ANNA", text: "Probeer het buurthuis.", ts: nextTs(), thread_ts: headTs, channel: TOLKEN, channel_type: "channel" });
    await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === TOLKEN && c.body.thread_ts === headTs && /nog niet bereikt/.test(String(c.body.text)), 60_000);
    // Refused again on the outbox's next tries: the tolk is not told again.
    await waitForCall(slack, "conversations.open", () => slack.callsTo("conversations.open").filter((c) => c.response.error === "cannot_dm_bot").length >= 3, 60_000);
    slack.onRequest = undefined;
    slack.failNext.delete("conversations.open");
    expect(cut).toBe(true);
    expect(slack.messages.filter((m) => m.channel === TOLKEN && m.thread_ts === headTs && /nog niet bereikt|privébericht gestuurd/.test(String(m.text)))).toHaveLength(1);
  }, 90_000);

  it("given the relay by DM is cut on every try until it parks (its outcome never known), then the tolk is told once, kindly, that it may not have reached the asker", async () => {
    const headTs = await claimedHandoff("EvF12p", "C0GONEP");
    slack.notInChannel.add("C0GONEP");
    let cuts = 0;
    // Every try of the DM is cut before it lands: no try learns whether it arrived.
    slack.onRequest = (method, body) =>
      method === "chat.postMessage" && String(body.channel).startsWith("D") && String(body.text).includes("Kijk bij het Oranje Fonds") ? (cuts++, "drop") : undefined;
    const parkedNotices = () => slack.messages.filter((m) => m.channel === TOLKEN && m.thread_ts === headTs && /misschien niet bereikt/.test(String(m.text)));
    try {
      await driver.event("EvF12p2", { type: "message", user: "U0ANNA", text: "Kijk bij het Oranje Fonds.", ts: nextTs(), thread_ts: headTs, channel: TOLKEN, channel_type: "channel" });
      await until(() => parkedNotices().length > 0, "the tolk to be told the relay parked", 60_000);
      expect(cuts).toBe(6); // parked after the policy's attempts, not before
      expect(String(parkedNotices()[0]!.text)).toMatch(/Kijk bij het Oranje Fonds/);
      expect(String(parkedNotices()[0]!.text)).toMatch(/probeert het later/);
      // Tried again (as at a restart) and cut again: still told once (parking again is in test/integration/handoff-delivery.test.ts).
      app.handoffs.retryParked();
      await until(() => cuts >= 7, "another try", 60_000);
      await app.handoffs.deliverPending();
    } finally {
      slack.onRequest = undefined;
    }
    expect(parkedNotices()).toHaveLength(1);
    // Its outcome was never known: not told that it went by DM, nor that Slack refused it.
    expect(slack.messages.filter((m) => m.channel === TOLKEN && m.thread_ts === headTs && /privébericht|nog niet bereikt/.test(String(m.text)))).toEqual([]);
  }, 120_000);

  for (const fault of ["lose-response", "land-then-fatal-error"] as const) {
    it(`given the relay by DM (Vliegwiel removed from the asker's channel) meets "${fault}" after it landed, then the asker gets the answer once and the tolk hears only that it went by DM`, async () => {
      const channel = `C0GONE${fault === "lose-response" ? "L" : "F"}`;
      const headTs = await claimedHandoff(`EvF12d-${fault}`, channel);
      slack.notInChannel.add(channel);
      const isAnswer = (body: { channel?: unknown; text?: unknown }) => String(body.channel).startsWith("D") && String(body.text).includes(`Ga naar het wijkcentrum (${fault})`);
      let faulted: Record<string, unknown> | undefined;
      slack.onRequest = (method, body) => (!faulted && method === "chat.postMessage" && isAnswer(body) ? ((faulted = body), fault) : undefined);
      await driver.event(`EvF12d-${fault}-reply`, { type: "message", user: "U0ANNA", text: `Ga naar het wijkcentrum (${fault}).`, ts: nextTs(), thread_ts: headTs, channel: TOLKEN, channel_type: "channel" });
      // The outbox's next attempt looks in the DM first (slack-post-once.ts), and the tolk hears it went by DM.
      await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === TOLKEN && c.body.thread_ts === headTs && /privébericht gestuurd/.test(String(c.body.text)), 60_000);
      slack.onRequest = undefined;
      expect(faulted).toBeDefined();
      expect(slack.callsTo("conversations.history").some((c) => c.body.channel === faulted!.channel)).toBe(true);
      expect(slack.messages.filter(isAnswer)).toHaveLength(1);
      // The DM's outcome was unknown at first (it had landed): the tolk is never told it did not arrive.
      const notices = slack.messages.filter((m) => m.channel === TOLKEN && m.thread_ts === headTs && /privébericht|nog niet bereikt/.test(String(m.text)));
      expect(notices.map((m) => String(m.text))).toEqual([expect.stringContaining("privébericht gestuurd")]);
    }, 90_000);
  }
});
