import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import { FakeSlackApi, type FaultDecision } from "../fakes/fake-slack-api.js";
import { until } from "../faults/kill-points.js";
import { slackAppForTests, startSlackTestApp } from "../helpers/slack-app.js";
import { faultFirstRequest, headsOf, ROSTER_YAML, SlackDriver, TOLKEN, waitForCall } from "../helpers/slack-flow.js";
import { unfinishedEvents } from "../helpers/event-inbox.js";
import { memoryLogger } from "../helpers/memory-logger.js";
import { tempDir } from "../helpers/temp-knowledge.js";

const ASKER = "U0ASKER";
const VRAGEN = "C0VRAGEN";
const QUESTION = "<@U0BOT> Wat is een burgerbegroting?";

/** Events in the app's inbox not yet done (taken, or kept for the next start). */
const unfinishedIn = (dataDir: string) => unfinishedEvents(path.join(dataDir, "vliegwiel.db"));

/**
 * The connection of a call to Slack is closed, reset, refused with 503 or left unanswered (a kept-alive
 * connection the server closed while the app was busy, a proxy in between). The real @slack/bolt and
 * @slack/web-api clients against the fake Slack: the asker gets each message once, also when the first
 * try had landed before its connection was cut, and nothing is lost.
 */
describe("Slack answers when a connection is closed under a call", () => {
  const slack = new FakeSlackApi();
  const { logger, lines: logLines } = memoryLogger("warn");
  let driver: SlackDriver;
  let dataDir: string;
  let ts = 1_700_200_000;
  const nextTs = () => `${ts++}.000100`;

  slackAppForTests(slack, { roster: ROSTER_YAML, logger, env: { WEB_ENABLED: "false", SLACK_HANDOFF_CHANNEL: TOLKEN, HANDOFF_TICK_SECONDS: "0.1" } }, (started) => {
    ({ driver, config: { dataDir } } = started);
  });
  beforeEach(() => {
    slack.onRequest = undefined;
  });

  const faultFirst = (fault: FaultDecision, matches: (method: string, body: Record<string, unknown>) => boolean) => faultFirstRequest(slack, fault, matches);
  const unfinishedInbox = () => unfinishedIn(dataDir);
  /** Messages that landed in the asker's thread (what Slack shows there). */
  const inThread = (channel: string, threadTs: string) => slack.messages.filter((m) => m.channel === channel && m.thread_ts === threadTs);

  for (const [fault, what, logged] of [
    ["drop", "closed before it was carried out", /other side closed/],
    ["lose-response", "closed after the answer landed", /other side closed/],
    ["reset", "reset (ECONNRESET)", /ECONNRESET/],
    ["unavailable", "answered 503", /503/],
    ["hold", "left unanswered after the answer landed (a time-out)", /timeout/i],
    ["land-then-fatal-error", "carried out but answered ok: false, fatal_error (Slack: it may have partly succeeded)", /fatal_error/],
  ] as const) {
    it(`given the answer's chat.postMessage is ${what}, then the asker gets the answer exactly once`, async () => {
      const at = nextTs();
      const hit = faultFirst(fault, (method, body) => method === "chat.postMessage" && body.thread_ts === at);
      await driver.event(`EvR-${fault}`, { type: "app_mention", user: ASKER, text: QUESTION, ts: at, channel: VRAGEN });
      await until(() => inThread(VRAGEN, at).length > 0 && unfinishedInbox() === 0, "the answer, and the inbox done", 60_000);
      expect(hit.hit).toBe(true);
      // Sentinel: a later question in the same channel is answered after any second post of the first would have come.
      const later = nextTs();
      await driver.event(`EvR-${fault}-later`, { type: "app_mention", user: ASKER, text: QUESTION, ts: later, channel: VRAGEN });
      await until(() => inThread(VRAGEN, later).length > 0 && unfinishedInbox() === 0, "the later answer", 60_000);
      expect(inThread(VRAGEN, at)).toHaveLength(1);
      expect(JSON.stringify(inThread(VRAGEN, at)[0]!.blocks)).toContain("burgerbegroting");
      // The second try looked in the thread first; the log says why it was tried again, never the text.
      expect(slack.callsTo("conversations.replies").some((c) => c.body.ts === at)).toBe(true);
      const retried = logLines.filter((l) => l.includes(`slack:EvR-${fault} (deel 1) mislukt`));
      expect(retried).toHaveLength(1);
      expect(retried[0]).toMatch(logged);
      expect(retried[0]).not.toContain("burgerbegroting");
    }, 90_000);
  }

  it("given a thread of more than 200 replies where the answer landed before its connection was closed, then the answer is not posted again", async () => {
    const at = nextTs();
    const second = at.split(".")[0];
    // A long thread as Slack keeps it: its first message and 250 replies, oldest first.
    slack.messages.push({ channel: VRAGEN, ts: at, text: "Wie helpt mee met het buurtfeest?" });
    for (let i = 1; i <= 250; i++) slack.messages.push({ channel: VRAGEN, ts: `${second}.${String(100 + i).padStart(6, "0")}`, thread_ts: at, text: `Ik doe mee (${i})` });
    const hit = faultFirst("lose-response", (method, body) => method === "chat.postMessage" && body.thread_ts === at);
    await driver.event("EvR-long-thread", { type: "app_mention", user: ASKER, text: QUESTION, ts: `${second}.000400`, thread_ts: at, channel: VRAGEN });
    const answers = () => inThread(VRAGEN, at).filter((m) => JSON.stringify(m.blocks ?? "").includes("burgerbegroting"));
    await until(() => answers().length > 0 && unfinishedInbox() === 0, "the answer, and the inbox done", 60_000);
    expect(hit.hit).toBe(true);
    // Sentinel: a later question in the same channel is answered after any second post of the first would have come.
    const later = nextTs();
    await driver.event("EvR-long-thread-later", { type: "app_mention", user: ASKER, text: QUESTION, ts: later, channel: VRAGEN });
    await until(() => inThread(VRAGEN, later).length > 0 && unfinishedInbox() === 0, "the later answer", 60_000);
    expect(answers()).toHaveLength(1);
    // The look for it read the thread past its first page.
    expect(slack.callsTo("conversations.replies").some((c) => c.body.ts === at && c.body.cursor)).toBe(true);
  }, 90_000);

  it("given the consent question's post in a DM is closed after it landed, then it comes once", async () => {
    const at = nextTs();
    const hit = faultFirst("lose-response", (method, body) => method === "chat.postMessage" && body.channel === "D0DMASK" && body.thread_ts === at);
    await driver.event("EvR-consent-dm", { type: "message", channel_type: "im", user: ASKER, text: "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?", ts: at, channel: "D0DMASK" });
    await until(() => inThread("D0DMASK", at).length > 0 && unfinishedInbox() === 0, "the consent question, and the inbox done", 60_000);
    expect(hit.hit).toBe(true);
    const later = nextTs();
    await driver.event("EvR-consent-dm-later", { type: "message", channel_type: "im", user: "U0OTHER", text: "Wat is een burgerbegroting?", ts: later, channel: "D0DMOTHER" });
    await until(() => inThread("D0DMOTHER", later).length > 0 && unfinishedInbox() === 0, "the later answer", 60_000);
    const consent = inThread("D0DMASK", at);
    expect(consent).toHaveLength(1);
    expect(JSON.stringify(consent[0]!.blocks)).toContain("vliegwiel_share");
  }, 90_000);

  it("given the consent question's ephemeral in a channel is closed before it was carried out, then it still reaches the asker", async () => {
    const at = nextTs();
    const hit = faultFirst("drop", (method, body) => method === "chat.postEphemeral" && body.thread_ts === at);
    const handoffId = await driver.askForPerson("EvR-consent-ch", ASKER, VRAGEN, at);
    expect(hit.hit).toBe(true);
    expect(handoffId).toBeTruthy();
    expect(slack.callsTo("chat.postEphemeral").filter((c) => c.body.thread_ts === at)).toHaveLength(1);
  }, 90_000);

  for (const fault of ["drop", "lose-response"] as const) {
    it(`given the chat.update of the handoff's head at the claim meets "${fault}", then the head is updated after all`, async () => {
      const at = nextTs();
      const handoffId = await driver.askForPerson(`EvR-u-${fault}`, ASKER, VRAGEN, at);
      await driver.share(ASKER, handoffId, VRAGEN, at);
      await waitForCall(slack, "chat.postMessage", (c) => c.body.thread_ts === at && String(c.body.text).startsWith("Je vraag is doorgegeven"));
      const headTs = headsOf(slack, handoffId)[0]!.response.ts as string;
      const hit = faultFirst(fault, (method, body) => method === "chat.update" && body.ts === headTs);
      await driver.press("U0ANNA", "vliegwiel_claim", handoffId, TOLKEN, { message_ts: headTs });
      await waitForCall(slack, "chat.update", (c) => c.body.ts === headTs && c.response.ok === true && JSON.stringify(c.body.blocks).includes("Anna"), 60_000);
      expect(hit.hit).toBe(true);
      expect(headsOf(slack, handoffId)).toHaveLength(1);
    }, 90_000);
  }

  it("given the answer in the assistant split view is closed after it landed, then it comes once", async () => {
    const thread = nextTs();
    await driver.event("EvR-assist-start", { type: "assistant_thread_started", event_ts: thread, assistant_thread: { user_id: ASKER, channel_id: "D0ASSIST", thread_ts: thread, context: {} } });
    await waitForCall(slack, "assistant.threads.setSuggestedPrompts", (c) => c.body.thread_ts === thread);
    const greeted = inThread("D0ASSIST", thread).length;
    const hit = faultFirst("lose-response", (method, body) => method === "chat.postMessage" && body.thread_ts === thread && JSON.stringify(body.blocks ?? "").includes("burgerbegroting"));
    await driver.event("EvR-assist", { type: "message", user: ASKER, text: "Wat is een burgerbegroting?", ts: nextTs(), thread_ts: thread, channel: "D0ASSIST", channel_type: "im" });
    await until(() => hit.hit && inThread("D0ASSIST", thread).length > greeted && unfinishedInbox() === 0, "the answer, and the inbox done", 60_000);
    await driver.event("EvR-assist-later", { type: "message", user: ASKER, text: "Wat is Vereniging Dwarsverband?", ts: nextTs(), thread_ts: thread, channel: "D0ASSIST", channel_type: "im" });
    await until(() => inThread("D0ASSIST", thread).some((m) => JSON.stringify(m.blocks ?? "").includes("Dwarsverband")) && unfinishedInbox() === 0, "the later answer", 60_000);
    expect(inThread("D0ASSIST", thread).filter((m) => JSON.stringify(m.blocks ?? "").includes("burgerbegroting"))).toHaveLength(1);
  }, 90_000);

  it("given the echo of a /vliegwiel question is closed after it landed, then the question is echoed once and answered once under it", async () => {
    const trigger = `trig-${nextTs()}`;
    const hit = faultFirst("lose-response", (method, body) => method === "chat.postMessage" && String(body.text).includes("vraagt"));
    await driver.command(trigger, "Wat is een burgerbegroting?", VRAGEN);
    await until(() => hit.hit && unfinishedInbox() === 0, "the command handled", 60_000);
    const echoes = slack.messages.filter((m) => m.channel === VRAGEN && !m.thread_ts && String(m.text).includes("vraagt: Wat is een burgerbegroting?"));
    expect(echoes).toHaveLength(1);
    const answers = inThread(VRAGEN, echoes[0]!.ts);
    expect(answers).toHaveLength(1);
    expect(JSON.stringify(answers[0]!.blocks)).toContain("burgerbegroting");
  }, 90_000);

  for (const fault of ["drop", "lose-response"] as const) {
    it(`given a handoff-thread post (the claim) and the relay to the asker meet "${fault}", then each comes once`, async () => {
      const at = nextTs();
      const handoffId = await driver.askForPerson(`EvR-h-${fault}`, ASKER, VRAGEN, at);
      await driver.share(ASKER, handoffId, VRAGEN, at);
      await waitForCall(slack, "chat.postMessage", (c) => c.body.thread_ts === at && String(c.body.text).startsWith("Je vraag is doorgegeven"));
      const headTs = headsOf(slack, handoffId)[0]!.response.ts as string;
      const claimed = faultFirst(fault, (method, body) => method === "chat.postMessage" && body.channel === TOLKEN && body.thread_ts === headTs);
      await driver.press("U0ANNA", "vliegwiel_claim", handoffId, TOLKEN, { message_ts: headTs });
      await until(() => inThread(VRAGEN, at).some((m) => String(m.text).includes("opgepakt")) && inThread(TOLKEN, headTs).length > 0, "the claim's posts", 60_000);
      expect(claimed.hit).toBe(true);
      const relayed = faultFirst(fault, (method, body) => method === "chat.postMessage" && body.channel === VRAGEN && body.thread_ts === at && JSON.stringify(body.blocks ?? "").includes("Kijk eens"));
      await driver.event(`EvR-h-${fault}-reply`, { type: "message", user: "U0ANNA", text: "Kijk eens op de site van de gemeente.", ts: nextTs(), thread_ts: headTs, channel: TOLKEN, channel_type: "channel" });
      await until(() => inThread(VRAGEN, at).some((m) => String(m.text).includes("Kijk eens")), "the relayed reply", 60_000);
      expect(relayed.hit).toBe(true);
      // Sentinel: the tolk's second reply is relayed after any second post of the first would have come.
      await driver.event(`EvR-h-${fault}-reply2`, { type: "message", user: "U0ANNA", text: "En bel ze gerust.", ts: nextTs(), thread_ts: headTs, channel: TOLKEN, channel_type: "channel" });
      await until(() => inThread(VRAGEN, at).some((m) => String(m.text).includes("bel ze gerust")), "the second relayed reply", 60_000);
      expect(inThread(TOLKEN, headTs).filter((m) => String(m.text).includes("pakt dit op"))).toHaveLength(1);
      expect(inThread(VRAGEN, at).filter((m) => String(m.text).includes("Kijk eens"))).toHaveLength(1);
    }, 120_000);
  }
});

/** A connection closed under every try, for longer than the tries last: the question waits in the inbox and the next start answers it. */
describe("Slack answers after a restart when every try was cut", () => {
  const temp = tempDir();
  const slack = new FakeSlackApi();
  const { logger, lines: logLines } = memoryLogger("info");
  let app: App | undefined;

  afterAll(async () => {
    await app?.stop();
    await slack.stop();
    temp.cleanup();
  });
  const unfinishedInbox = () => unfinishedIn(temp.dir);

  it("given every post of the answer is closed unanswered until the app stops, then after the restart the answer is there once", async () => {
    const started = await startSlackTestApp(slack, temp.dir, { logger, env: { WEB_ENABLED: "false" } });
    app = started.app;
    const at = "1700300000.000100";
    let tries = 0;
    slack.onRequest = (method, body) => {
      if (method !== "chat.postMessage" || body.thread_ts !== at) return undefined;
      tries++;
      return "drop";
    };
    await started.driver.event("EvR-restart", { type: "app_mention", user: ASKER, text: QUESTION, ts: at, channel: VRAGEN });
    await until(() => tries >= 3, "three tries of the answer", 60_000);
    await app.stop();
    app = undefined;
    // The retry ends with the stop (its pause runs out first), leaving the event in the inbox.
    await until(() => logLines.some((l) => l.includes("slack:EvR-restart (deel 1) lukte na herhaalde pogingen niet") && l.includes("volgende start")), "the retry to give up", 90_000);
    expect(unfinishedInbox()).toBe(1);
    expect(slack.posts(VRAGEN).filter((c) => c.body.thread_ts === at)).toHaveLength(0);

    slack.onRequest = undefined;
    app = createApp(started.config, logger);
    await app.start();
    await until(() => slack.posts(VRAGEN).some((c) => c.body.thread_ts === at) && unfinishedInbox() === 0, "the answer after the restart", 60_000);
    expect(slack.posts(VRAGEN).filter((c) => c.body.thread_ts === at)).toHaveLength(1);
    // Handled before: even its first try now looked whether the answer had landed.
    expect(slack.callsTo("conversations.replies").some((c) => c.body.ts === at)).toBe(true);
  }, 180_000);
});

/** A button press is not kept in the inbox: its reply, cut off past every try, is said lost in the log (not silently dropped). */
describe("Slack's reply to a button press when every try was cut", () => {
  const temp = tempDir();
  const slack = new FakeSlackApi();
  const { logger, lines: logLines } = memoryLogger("warn");

  afterAll(async () => {
    await slack.stop();
    temp.cleanup();
  });

  it("given every try of the reply to 'Vraag een mens' is closed until the app stops, then the log says it was lost", async () => {
    const { app, driver } = await startSlackTestApp(slack, temp.dir, { logger, env: { WEB_ENABLED: "false" } });
    let tries = 0;
    slack.onRequest = (method) => (method === "chat.postEphemeral" ? (tries++, "drop") : undefined);
    await driver.press(ASKER, "vliegwiel_ask_human", "ask_human", VRAGEN, { message_ts: "1700400000.000200", thread_ts: "1700400000.000100" });
    await until(() => tries >= 2, "two tries of the reply", 60_000);
    await app.stop();
    await until(() => logLines.some((l) => l.includes("het antwoord op een knop of formulier kon ook na herhaalde pogingen niet geplaatst worden") && l.includes("other side closed")), "the loss in the log", 60_000);
    expect(logLines.join("")).not.toContain("blijft bewaard");
  }, 90_000);
});
