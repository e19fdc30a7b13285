import { beforeEach, describe, expect, it } from "vitest";
import { FakeSlackApi, type FaultDecision } from "../fakes/fake-slack-api.js";
import { eventually, saveProfile } from "../helpers/intro-flow.js";
import { slackAppForTests } from "../helpers/slack-app.js";
import { faultFirstRequest, ROSTER_YAML, type SlackDriver } from "../helpers/slack-flow.js";

type Block = { type: string; elements?: Array<{ action_id: string; value: string }> };
const buttonsOf = (blocks: unknown) => ((blocks ?? []) as Block[]).flatMap((b) => (b.type === "actions" ? b.elements ?? [] : []));
const FAULTS = [
  ["lose-response", "closed after it landed"],
  ["land-then-fatal-error", "answered ok: false, fatal_error after it landed"],
] as const;

/**
 * The introduction's messages in a DM when a connection is cut under a post that landed: the real
 * @slack/bolt and @slack/web-api clients against the fake Slack. Each person sees each message once
 * (a second copy of a message with buttons could be pressed again).
 */
describe("Slack introductions when a connection is closed under a post", () => {
  const slack = new FakeSlackApi();
  let driver: SlackDriver;
  let ts = 1_700_500_000;
  const nextTs = () => `${ts++}.000100`;

  slackAppForTests(slack, { roster: ROSTER_YAML, env: { WEB_ENABLED: "false", HANDOFF_TICK_SECONDS: "0.1" } }, (started) => {
    ({ driver } = started);
    saveProfile(started.config.databasePath, { id: "de-schakel", name: "Dorpshuis De Schakel", contact: { name: "Kees", handles: { slack: "U0KEES" }, contactable: true } });
  });
  beforeEach(() => {
    slack.onRequest = undefined;
  });

  const faultFirst = (fault: FaultDecision, matches: (method: string, body: Record<string, unknown>) => boolean) => faultFirstRequest(slack, fault, matches);
  /**
   * After the faulted post in `channel`: a second post there that Slack answered (sent again without
   * looking), or a look into the channel's messages (before posting again, if at all).
   */
  const followedUp = (faulted: Record<string, unknown> | undefined, channel: string) => {
    const at = slack.calls.findIndex((c) => c.body === faulted);
    return at >= 0 && slack.calls.slice(at + 1).some((c) =>
      c.body.channel === channel && ((c.method === "chat.postMessage" && c.response.ok) || c.method === "conversations.replies" || c.method === "conversations.history"));
  };
  const landed = (channel: string, matches: (m: FakeSlackApi["messages"][number]) => boolean) => slack.messages.filter((m) => m.channel === channel && matches(m));

  /** A question in the asker's DM; resolves to its thread once answered. */
  async function ask(user: string, dm: string): Promise<string> {
    const at = nextTs();
    await driver.event(`Ev${at}`, { type: "message", channel_type: "im", user, text: "Hoe starten we een buurtbus met vrijwilligers?", ts: at, channel: dm });
    await eventually(() => slack.posts(dm).find((c) => c.body.thread_ts === at), "the answer");
    return at;
  }

  for (const [fault, what] of FAULTS) {
    it(`given the reply to 'Breng me in contact' in a DM is ${what}, then the asker gets the choice once`, async () => {
      const user = `U0ASK${fault === "lose-response" ? "A" : "B"}`;
      const dm = `D${user}`;
      const thread = await ask(user, dm);
      const isChoice = (m: { blocks?: unknown }) => JSON.stringify(m.blocks ?? "").includes("vliegwiel_intro_share_named");
      const hit = faultFirst(fault, (method, body) => method === "chat.postMessage" && body.channel === dm && isChoice(body));
      await driver.press(user, "vliegwiel_connect_me", "de-schakel", dm, { message_ts: `${thread}1`, thread_ts: thread }, `t-connect-${fault}`);
      await eventually(() => followedUp(hit.body, dm), "the post tried again or looked for", 60_000);
      // Sentinel: the asker's choice on it goes through and is confirmed after any second copy would have come.
      const choices = () => landed(dm, (m) => m.thread_ts === thread && isChoice(m));
      const introId = buttonsOf(choices()[0]!.blocks)[0]!.value;
      await driver.press(user, "vliegwiel_intro_share_named", introId, dm, { message_ts: choices()[0]!.ts, thread_ts: thread }, `t-share-${fault}`);
      await eventually(() => slack.posts(dm).find((c) => String(c.body.text).includes("Je verzoek is doorgestuurd")), "the asker hears it was sent", 60_000);
      expect(choices()).toHaveLength(1);
    }, 120_000);
  }

  for (const [fault, what] of FAULTS) {
    it(`given the request in the contact's DM and the reply to their 'Accepteren' are ${what}, then the contact gets each once`, async () => {
      const user = `U0ASK${fault === "lose-response" ? "C" : "D"}`;
      const dm = `D${user}`;
      const contactDm = "DU0KEES";
      const thread = await ask(user, dm);
      await driver.press(user, "vliegwiel_connect_me", "de-schakel", dm, { message_ts: `${thread}1`, thread_ts: thread }, `t-connect2-${fault}`);
      const choice = await eventually(() => landed(dm, (m) => m.thread_ts === thread && JSON.stringify(m.blocks ?? "").includes("vliegwiel_intro_share_named"))[0], "the choice");
      const introId = buttonsOf(choice.blocks)[0]!.value;
      // The request itself is an outbox effect: its next attempt looks for it first (slack-post-once.ts).
      const isRequest = (m: { blocks?: unknown }) => JSON.stringify(m.blocks ?? "").includes(introId);
      const requestHit = faultFirst(fault, (method, body) => method === "chat.postMessage" && body.channel === contactDm && isRequest(body));
      await driver.press(user, "vliegwiel_intro_share_named", introId, dm, { message_ts: choice.ts, thread_ts: thread }, `t-share2-${fault}`);
      await eventually(() => followedUp(requestHit.body, contactDm), "the request tried again or looked for", 60_000);
      await eventually(() => slack.posts(dm).find((c) => c.body.thread_ts === thread && String(c.body.text).includes("Je verzoek is doorgestuurd")), "the asker hears it was sent", 60_000);
      const requests = landed(contactDm, isRequest);
      expect(requests).toHaveLength(1);

      // The contact accepts on the request (a message of its own in the DM, no thread): the reply is looked for in the DM's history.
      const isThanks = (m: { text?: unknown }) => String(m.text).startsWith("Dank je! Ik breng jullie");
      const thanksBefore = landed(contactDm, isThanks).length;
      const replyHit = faultFirst(fault, (method, body) => method === "chat.postMessage" && body.channel === contactDm && isThanks(body));
      await driver.press("U0KEES", "vliegwiel_intro_accept", introId, contactDm, { message_ts: requests[0]!.ts }, `t-accept-${fault}`);
      await eventually(() => followedUp(replyHit.body, contactDm), "the reply tried again or looked for", 60_000);
      // Sentinel: the introduction in the group DM comes after any second copy would have come.
      await eventually(() => slack.posts(`G${user}U0KEES`)[0], "the introduction in a group DM", 60_000);
      expect(landed(contactDm, isThanks)).toHaveLength(thanksBefore + 1);
    }, 180_000);
  }
});
