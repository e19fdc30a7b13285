import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { APPLICATION_ID, BOT, FakeDiscord, GENERAL, HANDOFF_FORUM } from "../fakes/fake-discord.js";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import type { AppProcess } from "../helpers/app-process.js";
import { ASKER, forumPostsFor, pressButton } from "../helpers/discord-flow.js";
import { headsOf, SlackDriver } from "../helpers/slack-flow.js";
import { BOTH_READY, bothPlatformsAppForTests } from "./both-platforms-app.js";
import { FAULT_TEST_MS, until, type DeliveryKiller } from "./kill-points.js";

const UNANSWERABLE = "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?";
const SLACK_ASKER = "U0ASKER";
const VRAGEN = "C0VRAGEN";
const DM = "D0ASKER";
const SHARED = "Je vraag is doorgegeven";

type Req = { platform: string; method: string; route?: string; body: Record<string, unknown> };

/**
 * Promise: every question gets an answer or a handoff, never silence, across restarts too; nothing is
 * shared without consent. A question for a person commits its handoff (awaiting the asker's consent),
 * then the adapter posts the reply that asks for that consent. Here the real app (src/main.ts, against
 * the Slack and Discord fakes) is killed (SIGKILL) right there: the handoff is stored, the consent
 * question's post is dropped unseen. After the restart the asker sees the consent question once (also
 * when the platform delivers the question again), and "Ja" opens the tolken's thread once.
 */
describe("the consent question cut off by a kill is asked once after the restart, on Slack and Discord", () => {
  const slack = new FakeSlackApi();
  const discord = new FakeDiscord();
  let app: AppProcess;
  let killer: DeliveryKiller;
  let driver: SlackDriver;
  let next = Math.floor(Date.now() / 1000);
  const { dbFile } = bothPlatformsAppForTests(slack, discord, (started) => {
    ({ app, killer } = started);
    driver = new SlackDriver(slack, `http://127.0.0.1:${started.port}/slack/events`);
  });

  /** The handoffs of an asker's conversation, straight from the app's database. */
  const handoffsOf = (conversation: string) => {
    const db = new Database(dbFile, { readonly: true });
    try {
      return db.prepare("SELECT id, status FROM handoffs WHERE asker_conversation = ?").all(conversation) as Array<{ id: string; status: string }>;
    } finally {
      db.close();
    }
  };
  /** Kills the app at the armed point, checks that the handoff was stored but not yet shared, and starts it again. */
  const killThenRestart = async (conversation: string) => {
    await killer.done();
    expect(handoffsOf(conversation).map((h) => h.status)).toEqual(["awaiting_consent"]);
    await app.start(BOTH_READY);
  };

  // Slack: the consent question is a message (ephemeral in a channel, public in a DM) with the share button.
  const hasSlackShare = (body: Record<string, unknown>) => JSON.stringify(body.blocks ?? "").includes("vliegwiel_share");
  const isSlackConsent = (request: unknown, channel: string, threadTs: string) => {
    const r = request as Req;
    return r.platform === "slack" && (r.method === "chat.postEphemeral" || r.method === "chat.postMessage") && r.body.channel === channel && r.body.thread_ts === threadTs && hasSlackShare(r.body);
  };
  const slackConsents = (channel: string, threadTs: string) => slack.calls.filter((c) => c.response.ok && isSlackConsent({ platform: "slack", ...c }, channel, threadTs));
  const slackShared = (channel: string, threadTs: string) => slack.messages.filter((m) => m.channel === channel && m.thread_ts === threadTs && String(m.text).startsWith(SHARED));
  /** Something asked after the events under test and answered: what came before it has been handled. */
  const slackSentinel = async () => {
    const ts = `${next++}.000009`;
    await driver.event(`EvS${ts}`, { type: "app_mention", user: SLACK_ASKER, text: "<@U0BOT> Wat is een burgerbegroting?", ts, channel: VRAGEN });
    await until(() => slack.calls.some((c) => c.body.thread_ts === ts && (c.method === "chat.postMessage" || c.method === "chat.postEphemeral")), "the sentinel's answer");
  };

  for (const where of ["a channel", "a thread in a channel", "a DM"] as const) {
    it(`slack, a question in ${where}: killed after its handoff is stored, before its consent question is posted, then asked once and "Ja" shares it once`, async () => {
      const ts = `${next++}.000001`;
      const parent = where === "a thread in a channel" ? `${next++}.000000` : undefined;
      const channel = where === "a DM" ? DM : VRAGEN;
      const threadTs = parent ?? ts;
      const event = where === "a DM"
        ? { type: "message", channel_type: "im", user: SLACK_ASKER, text: UNANSWERABLE, ts, channel }
        : { type: "app_mention", user: SLACK_ASKER, text: `<@U0BOT> ${UNANSWERABLE}`, ts, channel, ...(parent ? { thread_ts: parent } : {}) };
      killer.arm("before the post", (request) => isSlackConsent(request, channel, threadTs));
      expect((await driver.event(`EvC${ts}`, event)).status).toBe(200); // acknowledged before it was handled
      await killThenRestart(`${channel}:${threadTs}`);

      await until(() => slackConsents(channel, threadTs).length > 0, "the consent question after the restart");
      const [consent] = slackConsents(channel, threadTs);
      const handoffId = (consent!.body.blocks as Array<{ type: string; elements?: Array<{ value: string }> }>).find((b) => b.type === "actions")!.elements![0]!.value;
      expect(handoffsOf(`${channel}:${threadTs}`)).toEqual([{ id: handoffId, status: "awaiting_consent" }]);
      expect((await driver.event(`EvC${ts}`, event)).status).toBe(200); // Slack delivers it again

      // "Ja": typed in the DM's thread, the button in a channel.
      if (where === "a DM") await driver.event(`EvJ${ts}`, { type: "message", channel_type: "im", user: SLACK_ASKER, text: "Ja", ts: `${next++}.000002`, thread_ts: threadTs, channel });
      else expect((await driver.share(SLACK_ASKER, handoffId, channel, threadTs)).status).toBe(200);
      await until(() => slackShared(channel, threadTs).length > 0, "the shared notice");
      await until(() => headsOf(slack, handoffId).length > 0, "the head in the tolken's channel");
      await slackSentinel();

      expect({ consent: slackConsents(channel, threadTs).length, head: headsOf(slack, handoffId).length, shared: slackShared(channel, threadTs).length })
        .toEqual({ consent: 1, head: 1, shared: 1 });
      expect(handoffsOf(`${channel}:${threadTs}`)).toEqual([{ id: handoffId, status: "open" }]);
    }, FAULT_TEST_MS);
  }

  // Discord: the consent question carries the share button (vw:share:<handoff>), in a thread or as the /vraag's follow-up.
  const shareOf = (message: Record<string, unknown>) => /"(vw:share:[^"]+)"/.exec(JSON.stringify(message.components ?? []))?.[1];
  /** What the asker sees: the messages posted in a channel (a post repeated with its nonce is the same message), and the follow-ups. */
  const consentsFor = (handoffId: string) => [
    ...[...discord.messages.values()],
    ...discord.callsTo("POST", /^\/webhooks\/\d+\/[^/]+$/).filter((c) => !("failedWith" in c.body) && !c.body.rateLimited).map((c) => c.body),
  ].filter((message) => shareOf(message) === `vw:share:${handoffId}`);
  const discordShared = (thread: string) => [...discord.messages.values()].filter((m) => m.channel_id === thread && String(m.content).startsWith(SHARED));
  const discordSentinel = async () => {
    const help = discord.interaction({ type: 2, channelId: GENERAL, user: ASKER, data: { id: "2", name: "vliegwiel", type: 1, options: [{ name: "help", type: 1 }] } });
    discord.dispatch("INTERACTION_CREATE", help);
    await until(() => discord.callsTo("POST", new RegExp(`^/interactions/${help.id}/`)).length > 0, "the sentinel's answer");
  };
  /** After the restart: the consent question once, a repeated delivery ignored, "Ja" pressed, one head. */
  const shareOnceOnDiscord = async (thread: string, deliverAgain: () => void) => {
    const handoffId = handoffsOf(thread)[0]!.id; // stored before the kill (killThenRestart)
    await until(() => consentsFor(handoffId).length > 0, "the consent question after the restart");
    const customId = shareOf(consentsFor(handoffId)[0]!)!;
    expect(handoffsOf(thread)).toEqual([{ id: handoffId, status: "awaiting_consent" }]);
    deliverAgain();
    discord.dispatch("INTERACTION_CREATE", pressButton(discord, ASKER, customId, thread));
    await until(() => discordShared(thread).length > 0, "the shared notice");
    await until(() => forumPostsFor(discord, HANDOFF_FORUM, handoffId).length > 0, "the head in the tolken's forum");
    await discordSentinel();
    expect({ consent: consentsFor(handoffId).length, head: forumPostsFor(discord, HANDOFF_FORUM, handoffId).length, shared: discordShared(thread).length })
      .toEqual({ consent: 1, head: 1, shared: 1 });
    expect(handoffsOf(thread)).toEqual([{ id: handoffId, status: "open" }]);
  };

  it(`discord, a mention in a channel: killed after its handoff is stored, before its consent question is posted, then asked once and "Ja" shares it once`, async () => {
    const question = discord.message({ channelId: GENERAL, content: `<@${BOT.id}> ${UNANSWERABLE}`, mentionsBot: true, author: ASKER });
    const thread = String(question.id); // the answer's thread, started on the question
    killer.arm("before the post", (request) => {
      const r = request as Req;
      return r.platform === "discord" && r.method === "POST" && r.route === `/channels/${thread}/messages` && !!shareOf(r.body);
    });
    discord.dispatch("MESSAGE_CREATE", question);
    await killThenRestart(thread);
    await shareOnceOnDiscord(thread, () => discord.dispatch("MESSAGE_CREATE", question));
  }, FAULT_TEST_MS);

  for (const point of ["before its answer", "after its answer, before the consent question"] as const) {
    it(`discord, /vraag in a channel: killed after its handoff is stored, ${point}, then asked once and "Ja" shares it once`, async () => {
      const interaction = discord.interaction({ type: 2, channelId: GENERAL, user: ASKER, data: { id: "1", name: "vraag", type: 1, options: [{ name: "vraag", type: 3, value: UNANSWERABLE }] } });
      const webhook = `/webhooks/${APPLICATION_ID}/${interaction.token}`;
      killer.arm("before the post", (request) => {
        const r = request as Req;
        if (r.platform !== "discord") return false;
        // Before the answer: the deferred reply being edited into it. After it: the private follow-up with the buttons.
        return point === "before its answer" ? r.method === "PATCH" && r.route === `${webhook}/messages/@original` : r.method === "POST" && r.route === webhook && !!shareOf(r.body);
      });
      discord.dispatch("INTERACTION_CREATE", interaction);
      await until(() => discord.callsTo("POST", new RegExp(`^/interactions/${interaction.id}/`)).length > 0, "the deferral");
      const thread = String(discord.originalMessages.get(interaction.token)!.id); // the answer's thread, started on the deferred reply
      await killThenRestart(thread);
      await shareOnceOnDiscord(thread, () => discord.dispatch("INTERACTION_CREATE", interaction));
    }, FAULT_TEST_MS);
  }
});
