import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { BOT, FakeDiscord, GENERAL, HANDOFF_FORUM } from "../fakes/fake-discord.js";
import { ASKER, TOLK } from "../helpers/discord-flow.js";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import type { AppProcess } from "../helpers/app-process.js";
import { BOTH_READY, bothPlatformsAppForTests } from "./both-platforms-app.js";
import { CONSENT_POINTS, DELIVERY_POINTS, type DeliveryKiller, FAULT_TEST_MS, lockDatabase, statusOf, until, type ConsentPoint, type DeliveryPoint } from "./kill-points.js";
import { DiscordFlow } from "./discord-flow.js";
import { SlackFlow } from "./slack-flow.js";
import type { Counts, HandoffFlow, Step } from "./flow.js";


/**
 * The fault-injection suite: the real app (src/main.ts, Slack over HTTP and Discord over the
 * gateway, both against the project's fakes) is killed with SIGKILL at each point of a delivery —
 * the thread's head and a relayed answer — and around the consent's commit, then started again.
 * Every run must end with exactly one head, one notice per step and every relay delivered, counted
 * from what the fakes hold.
 */
describe("handoffs under SIGKILL at every point of a delivery", () => {
  const slack = new FakeSlackApi();
  const discord = new FakeDiscord();
  let app: AppProcess;
  let killer: DeliveryKiller;
  const flows: Record<string, HandoffFlow> = {};
  const results: Array<{ platform: string; step: string; point: string; counts: Counts }> = [];

  const restart = () => app.start(BOTH_READY);

  const { dbFile } = bothPlatformsAppForTests(slack, discord, (started) => {
    ({ app, killer } = started);
    flows.slack = new SlackFlow(slack, `http://127.0.0.1:${started.port}/slack/events`);
    flows.discord = new DiscordFlow(discord, GENERAL, HANDOFF_FORUM);
  });
  afterAll(() => {
    // The closing note: what each fault point ended with.
    const lines = results.map((r) => `${r.platform.padEnd(8)} ${r.step.padEnd(6)} ${r.point.padEnd(34)} ${Object.entries(r.counts).map(([k, v]) => `${k}=${v}`).join(" ")}`);
    if (lines.length) process.stderr.write(`\nfault points (counted from the fakes):\n${lines.join("\n")}\n`);
  });

  /** Runs one handoff from question to close, killing the app once at the given point. */
  const run = async (platform: string, point: DeliveryPoint | ConsentPoint, step: Step) => {
    const flow = flows[platform]!;
    const h = await flow.ask();
    if (step === "consent") {
      await consentWithKill(flow, h, point as ConsentPoint);
    } else {
      if (step === "head") killer.arm(point as DeliveryPoint, (request) => flow.isHead(request, h));
      await flow.share(h);
      if (step === "head") {
        await killer.done();
        await restart();
      }
    }
    await flow.waitShared(h);
    await flow.claim(h);
    if (step === "relay") killer.arm(point as DeliveryPoint, (request) => flow.isRelay(request, h));
    await flow.tolkReply(h, `Antwoord bij ${point}`);
    if (step === "relay") {
      await killer.done();
      await restart();
    }
    await flow.waitRelayed(h);
    await flow.close(h);
    await flow.waitClosed(h);
    const counts = flow.counts(h);
    results.push({ platform, step, point, counts });
    return counts;
  };

  const consentWithKill = async (flow: HandoffFlow, h: { handoffId: string }, point: ConsentPoint) => {
    if (point === "before the consent commit") {
      const release = lockDatabase(dbFile);
      const pressed = flow.share(h).catch(() => undefined); // cut off by the kill: no acknowledgement
      try {
        await flow.waitPressSent(h);
        await app.kill();
      } finally {
        release(); // also when the wait failed: a lock left behind would stall every later run
      }
      await pressed;
      await restart();
      expect(statusOf(dbFile, h.handoffId)).toBe("awaiting_consent");
      await flow.share(h); // nothing was confirmed to the asker, who presses again
    } else {
      await flow.share(h);
      await flow.waitConsentAcknowledged(h); // the platform has its acknowledgement: the asker saw it taken
      await app.kill();
      await restart();
    }
  };

  const expectExactlyOnce = (counts: Counts) => {
    for (const [what, count] of Object.entries(counts)) expect({ what, count }).toEqual({ what, count: 1 });
  };

  for (const platform of ["slack", "discord"]) {
    for (const point of CONSENT_POINTS) {
      it(`${platform}: killed ${point}, then the handoff goes on with one head and one notice per step`, async () => {
        expectExactlyOnce(await run(platform, point, "consent"));
      }, FAULT_TEST_MS);
    }
    for (const point of DELIVERY_POINTS) {
      it(`${platform}: killed ${point} of the thread's head, then exactly one head and every step once`, async () => {
        expectExactlyOnce(await run(platform, point, "head"));
      }, FAULT_TEST_MS);
      it(`${platform}: killed ${point} of a relayed answer, then it reaches the asker exactly once`, async () => {
        expectExactlyOnce(await run(platform, point, "relay"));
      }, FAULT_TEST_MS);
    }
  }

  it("slack: killed after an event's acknowledgement, before it was handled, then the restart handles it once", async () => {
    const flow = flows.slack as SlackFlow;
    // The mention is acknowledged before its listener runs; the app dies at the listener's first call to Slack.
    killer.arm("before the post", (request) => (request as { platform: string; method: string }).platform === "slack" && (request as { method: string }).method === "reactions.add");
    const asking = flow.ask();
    await killer.done();
    await restart();
    const h = (await asking) as Awaited<ReturnType<SlackFlow["ask"]>>;
    expect(slack.callsTo("chat.postEphemeral").filter((c) => c.body.thread_ts === h.ts)).toHaveLength(1);
    await flow.share(h);
    await flow.waitShared(h);
    await flow.claim(h);
    await flow.tolkReply(h, "Antwoord na een onderbroken vraag");
    await flow.waitRelayed(h);
    await flow.close(h);
    await flow.waitClosed(h);
    const counts = { consent: slack.callsTo("chat.postEphemeral").filter((c) => c.body.thread_ts === h.ts).length, ...flow.counts(h) };
    results.push({ platform: "slack", step: "event", point: "after the ack, before the commit", counts });
    expectExactlyOnce(counts);
  }, FAULT_TEST_MS);

  /** The answers in the thread Vliegwiel starts on a question in #algemeen (its id is the question's). */
  const answersIn = (thread: string) => discord.callsTo("POST", new RegExp(`^/channels/${thread}/messages$`)).filter((c) => !c.body.rateLimited);
  const answered = (thread: string) => [...discord.messages.values()].filter((m) => m.channel_id === thread && m.id !== thread);

  for (const [what, isCut] of [
    ["the start of its thread", (route: string, thread: string) => route === `/channels/${GENERAL}/messages/${thread}/threads`],
    ["the post of its answer", (route: string, thread: string) => route === `/channels/${thread}/messages`],
  ] as const) {
    it(`discord: killed in flight of ${what}, then the restart answers the question once, in one thread`, async () => {
      const question = discord.message({ channelId: GENERAL, content: `<@${BOT.id}> Hoe vinden we vrijwilligers voor de dorpsdag?`, mentionsBot: true, author: ASKER });
      const thread = String(question.id);
      const inChannelBefore = answered(GENERAL).length;
      killer.arm("in flight", (request) => {
        const r = request as { platform: string; method: string; route: string };
        return r.platform === "discord" && r.method === "POST" && isCut(r.route, thread);
      });
      discord.dispatch("MESSAGE_CREATE", question);
      await killer.done();
      await restart();
      await until(() => answered(thread).length > 0, "the answer after the restart");
      await until(() => unfinishedInbox() === 0, "the inbox to be done");
      const counts = { answer: answered(thread).length };
      results.push({ platform: "discord", step: "question", point: `in flight of ${what}`, counts });
      expectExactlyOnce(counts);
      // Answered in the question's thread, not beside it in the channel.
      expect(answered(GENERAL)).toHaveLength(inChannelBefore);
      // Handled twice, it started one handoff, still waiting for the asker's consent (the buttons they see are its).
      const db = new Database(dbFile, { readonly: true });
      try {
        const statuses = db.prepare("SELECT status FROM handoffs WHERE asker_conversation = ?").pluck().all(thread);
        expect(statuses.length <= 1 && statuses.every((s) => s === "awaiting_consent")).toBe(true);
      } finally {
        db.close();
      }
      expect(answersIn(thread).length).toBeGreaterThanOrEqual(1);
    }, FAULT_TEST_MS);
  }

  it("discord: a tolk's reply taken in by a process that then died is relayed once after the restart", async () => {
    const flow = flows.discord as DiscordFlow;
    const h = await flow.ask();
    await flow.share(h);
    await flow.waitShared(h);
    await flow.claim(h);
    const thread = (h as { thread?: string }).thread!;
    await app.kill();
    // What the stopped process had written: the message in its inbox, not yet handled.
    const reply = discord.message({ channelId: thread, content: "Antwoord dat een stop onderbrak", author: TOLK });
    const db = new Database(dbFile);
    try {
      db.prepare("INSERT INTO event_inbox (key, body, boot, received_at) VALUES (?, ?, 'stopped-process', ?)")
        .run(`discord:${String(reply.id)}`, JSON.stringify({ channelId: thread, messageId: reply.id }), new Date().toISOString());
    } finally {
      db.close();
    }
    await restart();
    await flow.waitRelayed(h);
    await flow.close(h);
    await flow.waitClosed(h);
    const counts = flow.counts(h);
    results.push({ platform: "discord", step: "relay", point: "taken in, then the process died", counts });
    expectExactlyOnce(counts);
  }, FAULT_TEST_MS);

  const unfinishedInbox = () => {
    const db = new Database(dbFile, { readonly: true });
    try {
      return db.prepare("SELECT count(*) FROM event_inbox WHERE done_at IS NULL").pluck().get() as number;
    } finally {
      db.close();
    }
  };

  it("afterwards, nothing waits in the outbox and nothing is stuck", async () => {
    await until(() => {
      const pending = new Database(dbFile, { readonly: true });
      try {
        return (pending.prepare("SELECT count(*) FROM handoff_outbox WHERE delivered_at IS NULL").pluck().get() as number) === 0;
      } finally {
        pending.close();
      }
    }, "an empty outbox");
    expect(results).toHaveLength(2 * (CONSENT_POINTS.length + 2 * DELIVERY_POINTS.length) + 4);
    expect(unfinishedInbox()).toBe(0);
  });
});
