import { describe, expect, it } from "vitest";
import { forgetPerson } from "../../src/store/forget-person.js";
import { openDatabase } from "../../src/store/open-database.js";
import { FakeSlackApi, type SlackCall } from "../fakes/fake-slack-api.js";
import { slackAppForTests } from "../helpers/slack-app.js";
import { SlackDriver, waitForCall } from "../helpers/slack-flow.js";

type Block = { type: string; elements?: Array<{ action_id?: string; value?: string }> };

/** "Nuttig" / "Niet nuttig" under answers in a thread with more than one question. */
describe("Slack feedback buttons", () => {
  const slack = new FakeSlackApi();
  let driver: SlackDriver;
  let databasePath: string;

  slackAppForTests(slack, { env: { WEB_ENABLED: "false" } }, (started) => {
    ({ driver, config: { databasePath } } = started);
  });

  /** The value of a button under a posted answer, as Slack sends it back with a press. */
  const valueOf = (post: SlackCall, actionId: string) =>
    (post.body.blocks as Block[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === actionId)!.value!;
  const feedbackRows = () => {
    const db = openDatabase(databasePath);
    try {
      return db.prepare("SELECT conversation_id, helpful, question FROM feedback ORDER BY id").all();
    } finally {
      db.close();
    }
  };
  const feedbackIn = (conversationId: string) => {
    const db = openDatabase(databasePath);
    try {
      return db.prepare("SELECT user_id, helpful, question FROM feedback WHERE conversation_id = ? ORDER BY id").all(conversationId);
    } finally {
      db.close();
    }
  };
  const thanksTo = (user: string) => slack.callsTo("chat.postEphemeral").filter((c) => c.body.user === user && /Dank je/.test(String(c.body.text)));

  it("given two questions in one thread, then each answer's feedback is about its own question, and a second press on an old answer is not counted", async () => {
    const t = "1700500000.000100";
    await driver.event("EvFb1", { type: "app_mention", user: "U0ASKER", text: "<@U0BOT> Wat is een burgerbegroting?", ts: t, channel: "C0FB" });
    const first = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "C0FB" && c.body.thread_ts === t && c.response.ok === true, 60_000);
    // Someone else asks a later question in the same thread (a follow-up there reaches Vliegwiel without a mention).
    await driver.event("EvFb2", { type: "message", user: "U0OTHER", text: "Wat is Vereniging Dwarsverband?", ts: "1700500001.000100", thread_ts: t, channel: "C0FB", channel_type: "channel" });
    const second = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "C0FB" && c.body.thread_ts === t && c !== first && c.response.ok === true, 60_000);

    // Pressed under the later answer: feedback on "Dwarsverband", not on the thread's first question.
    await driver.press("U0ASKER", "vliegwiel_feedback_down", valueOf(second, "vliegwiel_feedback_down"), "C0FB", { message_ts: String(second.response.ts), thread_ts: t });
    await waitForCall(slack, "chat.postEphemeral", () => thanksTo("U0ASKER").length === 1);
    // Then under the first answer, twice: counted once, for its own question.
    await driver.press("U0ASKER", "vliegwiel_feedback_up", valueOf(first, "vliegwiel_feedback_up"), "C0FB", { message_ts: String(first.response.ts), thread_ts: t });
    await waitForCall(slack, "chat.postEphemeral", () => thanksTo("U0ASKER").length === 2);
    await driver.press("U0ASKER", "vliegwiel_feedback_up", valueOf(first, "vliegwiel_feedback_up"), "C0FB", { message_ts: String(first.response.ts), thread_ts: t });
    // Sentinel: a press by someone else after the repeat; once it is thanked, the repeat was handled.
    await driver.press("U0OTHER", "vliegwiel_feedback_up", valueOf(second, "vliegwiel_feedback_up"), "C0FB", { message_ts: String(second.response.ts), thread_ts: t });
    await waitForCall(slack, "chat.postEphemeral", () => thanksTo("U0OTHER").length === 1);

    expect(thanksTo("U0ASKER")).toHaveLength(2);
    expect(feedbackRows()).toEqual([
      { conversation_id: `C0FB:${t}`, helpful: 0, question: "Wat is Vereniging Dwarsverband?" },
      { conversation_id: `C0FB:${t}`, helpful: 1, question: "Wat is een burgerbegroting?" },
      { conversation_id: `C0FB:${t}`, helpful: 1, question: "Wat is Vereniging Dwarsverband?" },
    ]);
  }, 120_000);
  it("given vergeet of one person in a thread several people asked in, then only their votes go, and others' votes stay without their question", async () => {
    const t = "1700700000.000100";
    const thread = `C0SHARE:${t}`;
    await driver.event("EvFbShare1", { type: "app_mention", user: "U0FORGET", text: "<@U0BOT> Wat is een burgerbegroting?", ts: t, channel: "C0SHARE" });
    const first = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "C0SHARE" && c.body.thread_ts === t && c.response.ok === true, 60_000);
    await driver.event("EvFbShare2", { type: "message", user: "U0STAYS", text: "Wat is Vereniging Dwarsverband?", ts: "1700700001.000100", thread_ts: t, channel: "C0SHARE", channel_type: "channel" });
    const second = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "C0SHARE" && c.body.thread_ts === t && c !== first && c.response.ok === true, 60_000);
    // Both vote under both answers.
    for (const [user, count] of [["U0FORGET", 2], ["U0STAYS", 2]] as const) {
      await driver.press(user, "vliegwiel_feedback_up", valueOf(first, "vliegwiel_feedback_up"), "C0SHARE", { message_ts: String(first.response.ts), thread_ts: t });
      await driver.press(user, "vliegwiel_feedback_down", valueOf(second, "vliegwiel_feedback_down"), "C0SHARE", { message_ts: String(second.response.ts), thread_ts: t });
      await waitForCall(slack, "chat.postEphemeral", () => thanksTo(user).length === count);
    }
    const inThread = () => feedbackRows().filter((r) => (r as { conversation_id: string }).conversation_id === thread);
    expect(inThread()).toHaveLength(4);

    const db = openDatabase(databasePath);
    try {
      forgetPerson(db, "slack:U0FORGET");
      // Nor is their id kept in the marks that count one vote per person.
      expect(db.prepare("SELECT count(*) FROM processed_deliveries WHERE instr(delivery_id, 'U0FORGET') > 0").pluck().get()).toBe(0);
      expect(db.prepare("SELECT count(*) FROM processed_deliveries WHERE instr(delivery_id, 'U0STAYS') > 0").pluck().get()).toBe(2);
    } finally {
      db.close();
    }
    // The other's votes stay: on their own question with it, on the forgotten person's without it.
    expect(inThread()).toHaveLength(2);
    expect(feedbackIn(thread)).toEqual([
      { user_id: "U0STAYS", helpful: 1, question: null },
      { user_id: "U0STAYS", helpful: 0, question: "Wat is Vereniging Dwarsverband?" },
    ]);
  }, 120_000);
  it("given answers posted before the buttons carried their question, then a press counted under the older per-thread key is not counted again, and a new press counts once per person and answer", async () => {
    const t = "1700600000.000100";
    await driver.event("EvFbOld", { type: "app_mention", user: "U0ASKER", text: "<@U0BOT> Wat is een burgerbegroting?", ts: t, channel: "C0OLD" });
    const answer = await waitForCall(slack, "chat.postMessage", (c) => c.body.channel === "C0OLD" && c.body.thread_ts === t && c.response.ok === true, 60_000);
    const answerTs = String(answer.response.ts);
    // As the older release left it: its buttons' value was the action's name, and U0ASKER's press was recorded per thread.
    const db = openDatabase(databasePath);
    try {
      db.prepare("INSERT INTO processed_deliveries (channel, delivery_id, at) VALUES ('slack-feedback', ?, ?)").run(`C0OLD:${t}:U0ASKER`, new Date().toISOString());
    } finally {
      db.close();
    }
    const before = feedbackRows().length;
    const thanksBefore = thanksTo("U0ASKER").length;

    await driver.press("U0ASKER", "vliegwiel_feedback_up", "vliegwiel_feedback_up", "C0OLD", { message_ts: answerTs, thread_ts: t });
    // Someone who never pressed there: counted once, also when pressing twice.
    await driver.press("U0THIRD", "vliegwiel_feedback_down", "vliegwiel_feedback_down", "C0OLD", { message_ts: answerTs, thread_ts: t });
    await waitForCall(slack, "chat.postEphemeral", () => thanksTo("U0THIRD").length === 1);
    await driver.press("U0THIRD", "vliegwiel_feedback_down", "vliegwiel_feedback_down", "C0OLD", { message_ts: answerTs, thread_ts: t });
    // Sentinel: a press by yet someone else after the repeats; once it is thanked, the repeats were handled.
    await driver.press("U0FOURTH", "vliegwiel_feedback_up", "vliegwiel_feedback_up", "C0OLD", { message_ts: answerTs, thread_ts: t });
    await waitForCall(slack, "chat.postEphemeral", () => thanksTo("U0FOURTH").length === 1);

    expect(thanksTo("U0ASKER")).toHaveLength(thanksBefore);
    expect(thanksTo("U0THIRD")).toHaveLength(1);
    // (Their question is the thread's first message as Slack returns it; the fake knows only what the bot posted.)
    expect(feedbackRows().slice(before)).toMatchObject([
      { conversation_id: `C0OLD:${t}`, helpful: 0 },
      { conversation_id: `C0OLD:${t}`, helpful: 1 },
    ]);
  }, 120_000);
});
