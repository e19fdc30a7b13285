import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/open-database.js";
import { FakeSlackApi } from "../fakes/fake-slack-api.js";
import { slackAppForTests } from "../helpers/slack-app.js";
import { ROSTER_YAML, SlackDriver, TOLKEN, waitForCall } from "../helpers/slack-flow.js";

type HandoffRow = { id: string; status: string; question: string; asker: string; conversation: string };

/** Who asks what, and where: "Vraag een mens" by someone else, consent typed in a DM, mentions of colleagues. */
describe("Slack askers: whose question, which conversation", () => {
  const slack = new FakeSlackApi();
  let driver: SlackDriver;
  let databasePath: string;
  let ts = 1_700_300_000;
  const nextTs = () => `${ts++}.000100`;
  const handoffs = (): HandoffRow[] => {
    const db = openDatabase(databasePath);
    const rows = db.prepare("SELECT id, status, json_extract(data,'$.question') question, json_extract(data,'$.asker.userId') asker, json_extract(data,'$.asker.conversationId') conversation FROM handoffs").all() as HandoffRow[];
    db.close();
    return rows;
  };
  /** A person's message as Slack keeps it (conversations.history and .replies return it too). */
  const personWrites = (event: { user: string; channel: string; ts: string; text: string; thread_ts?: string; type?: string; channel_type?: string }, eventId: string) => {
    slack.messages.push({ channel: event.channel, ts: event.ts, thread_ts: event.thread_ts, text: event.text });
    return driver.event(eventId, { type: "message", ...event });
  };
  /** Everything Vliegwiel said in a thread (posts and ephemerals), as [method, user, text]. */
  const saidIn = (channel: string, threadTs: string) =>
    slack.calls.filter((c) => c.body.channel === channel && c.body.thread_ts === threadTs && /^chat\.post/.test(c.method)).map((c) => [c.method, c.body.user, String(c.body.text)]);

  slackAppForTests(slack, {
    roster: ROSTER_YAML,
    env: { WEB_ENABLED: "false", SLACK_HANDOFF_CHANNEL: TOLKEN, HANDOFF_TICK_SECONDS: "0.1", SLACK_AUTO_ANSWER_CHANNELS: "C0AUTO" },
  }, (started) => {
    ({ driver, config: { databasePath } } = started);
  });

  it("given someone else presses 'Vraag een mens' in an asker's thread, then the asker's question is never handed off in their name; their own question is", async () => {
    const t = nextTs();
    await personWrites({ type: "app_mention", user: "U0ASKER", channel: "C0VRAGEN", ts: t, text: "<@U0BOT> Wat is een burgerbegroting?" }, "EvA2a");
    await waitForCall(slack, "chat.postMessage", (c) => c.body.thread_ts === t);

    await driver.press("U0OTHER", "vliegwiel_ask_human", "ask_human", "C0VRAGEN", { message_ts: `${t}7`, thread_ts: t });
    const asked = await waitForCall(slack, "chat.postEphemeral", (c) => c.body.thread_ts === t && c.body.user === "U0OTHER");
    expect(String(asked.body.text)).toMatch(/Over welke vraag wil je een mens spreken/);
    expect(handoffs().filter((h) => h.asker === "U0OTHER")).toEqual([]);
    // Only the presser is asked, not everyone reading the thread.
    expect(slack.callsTo("chat.postMessage").filter((c) => c.body.thread_ts === t && /Over welke vraag/.test(String(c.body.text)))).toEqual([]);

    // Their own question in the same thread is what their press hands off.
    const own = nextTs();
    await personWrites({ user: "U0OTHER", channel: "C0VRAGEN", ts: own, thread_ts: t, text: "Wat is Vereniging Dwarsverband?", channel_type: "channel" }, "EvA2b");
    await waitForCall(slack, "chat.postMessage", (c) => c.body.thread_ts === t && /Dwarsverband/i.test(String(c.body.text)));
    await driver.press("U0OTHER", "vliegwiel_ask_human", "ask_human", "C0VRAGEN", { message_ts: `${own}7`, thread_ts: t });
    await driver.press("U0ASKER", "vliegwiel_ask_human", "ask_human", "C0VRAGEN", { message_ts: `${t}7`, thread_ts: t });
    await waitForCall(slack, "chat.postEphemeral", (c) => c.body.thread_ts === t && c.body.user === "U0ASKER");
    await waitForCall(slack, "chat.postEphemeral", (c) => c.body.thread_ts === t && c.body.user === "U0OTHER" && /toestemming|delen|mens/i.test(String(c.body.text)) && !/Over welke vraag/.test(String(c.body.text)));
    const byAsker = Object.fromEntries(handoffs().filter((h) => h.conversation === `C0VRAGEN:${t}`).map((h) => [h.asker, h.question]));
    expect(byAsker).toEqual({ U0OTHER: "Wat is Vereniging Dwarsverband?", U0ASKER: "Wat is een burgerbegroting?" });
  });

  it("given a consent question in a DM, then 'ja' typed in the DM itself shares the question, like 'ja' in the thread; the reply shows in the DM", async () => {
    const t = nextTs();
    await personWrites({ user: "U0ASKER", channel: "D0ASK10", ts: t, text: "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?", channel_type: "im" }, "EvA10a");
    await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "D0ASK10" && c.body.thread_ts === t && JSON.stringify(c.body.blocks ?? "").includes("vliegwiel_share"));
    const [waiting] = handoffs().filter((h) => h.conversation === `D0ASK10:${t}`);
    expect(waiting?.status).toBe("awaiting_consent");

    await personWrites({ user: "U0ASKER", channel: "D0ASK10", ts: nextTs(), text: "ja", channel_type: "im" }, "EvA10b");
    // The question reaches the tolken, and the asker reads the confirmation in the thread and in the DM itself.
    await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === TOLKEN && !c.body.thread_ts && JSON.stringify(c.body.blocks ?? "").includes(waiting!.id));
    const confirmation = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "D0ASK10" && c.body.thread_ts === t && (c.body.reply_broadcast === true || c.body.reply_broadcast === "true"));
    expect(String(confirmation.body.text)).not.toMatch(/Graag gedaan/);
    expect(handoffs().find((h) => h.id === waiting!.id)?.status).toBe("open");

    // With nothing waiting any more, a top-level DM message is a new question in its own thread.
    const next = nextTs();
    await personWrites({ user: "U0ASKER", channel: "D0ASK10", ts: next, text: "Wat is een burgerbegroting?", channel_type: "im" }, "EvA10c");
    await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "D0ASK10" && c.body.thread_ts === next);
  });

  it("given ordinary DM questions with no consent question waiting, then they cost no conversations.history call, also while another asker's consent question waits", async () => {
    const history = () => slack.callsTo("conversations.history").filter((c) => String(c.body.channel).startsWith("D0ASK12")).length;
    for (const [i, text] of ["Wat is een burgerbegroting?", "Wat is Vereniging Dwarsverband?"].entries()) {
      const t = nextTs();
      await personWrites({ user: "U0ASKER", channel: "D0ASK12", ts: t, text, channel_type: "im" }, `EvA12${i}`);
      await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "D0ASK12" && c.body.thread_ts === t);
    }
    expect(history()).toBe(0);
    // With a consent question waiting in another DM of another asker, this asker's DM is still not read.
    const other = nextTs();
    await personWrites({ user: "U0OTHER", channel: "D0ASK12B", ts: other, text: "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?", channel_type: "im" }, "EvA12c");
    await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "D0ASK12B" && c.body.thread_ts === other && JSON.stringify(c.body.blocks ?? "").includes("vliegwiel_share"));
    const t = nextTs();
    await personWrites({ user: "U0ASKER", channel: "D0ASK12", ts: t, text: "Wat is een burgerbegroting?", channel_type: "im" }, "EvA12d");
    await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "D0ASK12" && c.body.thread_ts === t);
    // And the waiting one is still answered by "ja" typed in its DM, found without reading the DM.
    await personWrites({ user: "U0OTHER", channel: "D0ASK12B", ts: nextTs(), text: "ja", channel_type: "im" }, "EvA12e");
    const [waiting] = handoffs().filter((h) => h.conversation === `D0ASK12B:${other}`);
    await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === TOLKEN && !c.body.thread_ts && JSON.stringify(c.body.blocks ?? "").includes(waiting!.id));
    expect(history()).toBe(0);
  });

  it("given a consent question in a DM, then 'ja' in its thread still shares it", async () => {
    const t = nextTs();
    await personWrites({ user: "U0ASKER", channel: "D0ASK10B", ts: t, text: "Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?", channel_type: "im" }, "EvA10d");
    await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "D0ASK10B" && c.body.thread_ts === t && JSON.stringify(c.body.blocks ?? "").includes("vliegwiel_share"));
    const [waiting] = handoffs().filter((h) => h.conversation === `D0ASK10B:${t}`);
    await personWrites({ user: "U0ASKER", channel: "D0ASK10B", ts: nextTs(), thread_ts: t, text: "ja", channel_type: "im" }, "EvA10e");
    await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === TOLKEN && !c.body.thread_ts && JSON.stringify(c.body.blocks ?? "").includes(waiting!.id));
  });

  it("given an auto-answer channel, then a question that mentions a colleague (not Vliegwiel) is answered, and a follow-up mentioning one too", async () => {
    const t = nextTs();
    await personWrites({ user: "U0ASKER", channel: "C0AUTO", ts: t, text: "<@U0ANNA> en ik vragen ons af: wat is een burgerbegroting?", channel_type: "channel" }, "EvA11a");
    const answer = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "C0AUTO" && c.body.thread_ts === t);
    expect(JSON.stringify(answer.body.blocks)).toMatch(/burgerbegroting/i);
    // Ask a colleague along in the thread: still a follow-up for Vliegwiel.
    await personWrites({ user: "U0ASKER", channel: "C0AUTO", ts: nextTs(), thread_ts: t, text: "<@U0BRAM> wat is Vereniging Dwarsverband?", channel_type: "channel" }, "EvA11b");
    await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "C0AUTO" && c.body.thread_ts === t && /Dwarsverband/i.test(String(c.body.text)));
  });
});
