import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createApp, type App } from "../../src/app/create-app.js";
import { createLogger } from "../../src/logger.js";
import { forgetPerson } from "../../src/store/forget-person.js";
import { openDatabase } from "../../src/store/open-database.js";
import { YamlRoster } from "../../src/store/yaml-roster.js";
import { FakeSlackApi, signedInteraction, signedSlackRequest, type SlackCall } from "../fakes/fake-slack-api.js";
import { FakeSlackSocket } from "../fakes/fake-slack-socket.js";
import { slackAppForTests } from "../helpers/slack-app.js";
import { eventCallback, ROSTER_YAML, SLACK_SECRET } from "../helpers/slack-flow.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

const SECRET = SLACK_SECRET;

describe("Slack adapter over HTTP against a fake Slack", () => {
  const slack = new FakeSlackApi();
  let eventsUrl: string;
  let apiBase: string;
  let databasePath: string;

  const send = async (payload: object, extraHeaders: Record<string, string> = {}, secret = SECRET) => {
    const body = JSON.stringify(payload);
    return fetch(eventsUrl, { method: "POST", headers: { ...signedSlackRequest(secret, body), ...extraHeaders }, body });
  };
  let sentinels = 0;
  /**
   * A later direct message that must be answered after what was sent before it was handled: a
   * "nothing else was sent" check waits for its answer instead of sleeping.
   */
  const sentinel = async () => {
    const channel = `D0SENTINEL${++sentinels}`;
    await send(eventCallback(`EvSentinel${sentinels}`, { type: "message", user: "U0ASKER", text: "Wat is een burgerbegroting?", ts: `170000900${sentinels}.000100`, channel, channel_type: "im" }));
    for (let i = 0; i < 400 && !slack.callsTo("chat.postMessage").some((c) => c.body.channel === channel); i++) await new Promise((r) => setTimeout(r, 25));
  };
  const posted = (method = "chat.postMessage") => slack.callsTo(method).filter((c) => !String(c.body.channel).startsWith("D0SENTINEL"));

  slackAppForTests(slack, { env: { WEB_ENABLED: "false", SLACK_AUTO_ANSWER_CHANNELS: "C0AUTO, C0AUTO2" } }, (started) => {
    ({ eventsUrl, apiUrl: apiBase, config: { databasePath } } = started);
  });
  beforeEach(() => {
    slack.calls.length = 0;
  });

  it("given a url_verification handshake, then it answers with the challenge", async () => {
    const res = await send({ type: "url_verification", token: "x", challenge: "uitdaging-123" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("uitdaging-123");
  });

  it("given a mention, then it shows work is under way and answers in the thread with sources and buttons", async () => {
    const res = await send(eventCallback("Ev001", {
      type: "app_mention", user: "U0ASKER", text: "<@U0BOT> Wat is een burgerbegroting?", ts: "1700000001.000200", channel: "C0VRAGEN", event_ts: "1700000001.000200",
    }));
    expect(res.status).toBe(200);
    const [post] = await slack.waitFor("chat.postMessage");
    expect(slack.callsTo("reactions.add")[0]?.body).toMatchObject({ channel: "C0VRAGEN", timestamp: "1700000001.000200", name: "eyes" });
    expect(post!.body).toMatchObject({ channel: "C0VRAGEN", thread_ts: "1700000001.000200" });
    const blocks = post!.body.blocks as Array<{ type: string; text?: { text: string }; elements?: Array<{ action_id?: string; text?: { text: string } }> }>;
    expect(blocks.find((b) => b.type === "section")?.text?.text).toMatch(/burgerbegroting/);
    expect(JSON.stringify(blocks.find((b) => b.type === "context"))).toMatch(/Bronnen:/);
    expect(blocks.find((b) => b.type === "actions")?.elements?.map((e) => e.text?.text)).toEqual(["Nuttig", "Niet nuttig", "Vraag een mens"]);
  });

  it("given Slack retries the same event, then it answers only once", async () => {
    const payload = eventCallback("Ev002", { type: "app_mention", user: "U0ASKER", text: "<@U0BOT> Wat is Vereniging Dwarsverband?", ts: "1700000002.000200", channel: "C0VRAGEN" });
    await send(payload);
    await send(payload, { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" });
    await slack.waitFor("chat.postMessage");
    await sentinel();
    expect(posted()).toHaveLength(1);
  });

  it("given a direct message, then it answers; given a bot message or an edit, then it stays silent", async () => {
    await send(eventCallback("Ev003", { type: "message", subtype: "bot_message", bot_id: "B0OTHER", text: "Wat is een burgerbegroting?", ts: "1700000003.000100", channel: "D0DM", channel_type: "im" }));
    await send(eventCallback("Ev004", { type: "message", subtype: "message_changed", channel: "D0DM", channel_type: "im", ts: "1700000003.000200", message: { text: "x" } }));
    await send(eventCallback("Ev005", { type: "message", user: "U0ASKER", text: "Wat is een Community Benefit Agreement?", ts: "1700000003.000300", channel: "D0DM", channel_type: "im" }));
    const posts = await slack.waitFor("chat.postMessage");
    await sentinel();
    expect(posted()).toHaveLength(1);
    expect(posts[0]!.body).toMatchObject({ channel: "D0DM" });
  });

  it("given a plain channel message without a mention, then it is not answered (no noise)", async () => {
    await send(eventCallback("Ev006", { type: "message", user: "U0ASKER", text: "Wat is een burgerbegroting?", ts: "1700000004.000100", channel: "C0ANDERS", channel_type: "channel" }));
    await sentinel();
    expect(posted()).toHaveLength(0);
  });

  it("given /vliegwiel with a question, then it is acknowledged at once and answered in a thread under the question", async () => {
    const form = new URLSearchParams({
      token: "legacy", team_id: "T0TEST", channel_id: "C0VRAGEN", channel_name: "vragen", user_id: "U0ASKER", user_name: "sanne",
      command: "/vliegwiel", text: "Wat is een burgerbegroting?", response_url: "http://127.0.0.1:9/unused", trigger_id: "trig-1", api_app_id: "A0TEST",
    }).toString();
    const res = await fetch(eventsUrl, { method: "POST", headers: { ...signedSlackRequest(SECRET, form), "content-type": "application/x-www-form-urlencoded" }, body: form });
    expect(res.status).toBe(200);
    const posts = await slack.waitFor("chat.postMessage", 2);
    expect(posts[0]!.body).toMatchObject({ channel: "C0VRAGEN", text: "<@U0ASKER> vraagt: Wat is een burgerbegroting?" });
    expect(posts[1]!.body).toMatchObject({ channel: "C0VRAGEN", thread_ts: posts[0]!.response.ts });
  });

  it("given a follow-up in a thread it answered, then it answers without a new mention", async () => {
    await send(eventCallback("Ev020", { type: "app_mention", user: "U0ASKER", text: "<@U0BOT> Wat is een burgerbegroting?", ts: "1700000020.000100", channel: "C0VRAGEN" }));
    await slack.waitFor("chat.postMessage");
    await send(eventCallback("Ev021", { type: "message", user: "U0ASKER", text: "En wat is een Community Benefit Agreement?", ts: "1700000021.000100", thread_ts: "1700000020.000100", channel: "C0VRAGEN", channel_type: "channel" }));
    const posts = await slack.waitFor("chat.postMessage", 2);
    expect(posts[1]!.body).toMatchObject({ channel: "C0VRAGEN", thread_ts: "1700000020.000100" });
    expect(JSON.stringify(posts[1]!.body.blocks)).toContain("Community Benefit Agreement");
  });

  it("given /vliegwiel in a channel the bot is not in, then it answers privately instead of failing", async () => {
    slack.notInChannel.add("C0PRIVATE");
    const form = new URLSearchParams({
      token: "legacy", team_id: "T0TEST", channel_id: "C0PRIVATE", channel_name: "geheim", user_id: "U0ASKER", user_name: "sanne",
      command: "/vliegwiel", text: "Wat is een burgerbegroting?", response_url: apiBase.replace(/\/api\/$/, "/response"), trigger_id: "trig-2", api_app_id: "A0TEST",
    }).toString();
    await fetch(eventsUrl, { method: "POST", headers: { ...signedSlackRequest(SECRET, form), "content-type": "application/x-www-form-urlencoded" }, body: form });
    const [reply] = await slack.waitFor("/response");
    expect(reply!.body).toMatchObject({ response_type: "ephemeral" });
    expect(JSON.stringify(reply!.body.blocks)).toContain("burgerbegroting");
  });

  it("given the assistant split view, then it greets with suggested prompts and answers with a thinking status", async () => {
    await send(eventCallback("Ev050", {
      type: "assistant_thread_started", event_ts: "1700000060.000100",
      assistant_thread: { user_id: "U0ASKER", channel_id: "D0ASSIST", thread_ts: "1700000060.000050", context: {} },
    }));
    const [prompts] = await slack.waitFor("assistant.threads.setSuggestedPrompts");
    expect(prompts!.body).toMatchObject({ channel_id: "D0ASSIST", thread_ts: "1700000060.000050" });
    await send(eventCallback("Ev051", { type: "message", user: "U0ASKER", text: "Wat is een burgerbegroting?", ts: "1700000061.000100", thread_ts: "1700000060.000050", channel: "D0ASSIST", channel_type: "im" }));
    const [status] = await slack.waitFor("assistant.threads.setStatus");
    expect(status!.body).toMatchObject({ channel_id: "D0ASSIST", thread_ts: "1700000060.000050", status: "zoekt in de kennisbank…" });
    const posts = await slack.waitFor("chat.postMessage", 2);
    expect(posts[1]!.body).toMatchObject({ channel: "D0ASSIST", thread_ts: "1700000060.000050" });
    expect(JSON.stringify(posts[1]!.body.blocks)).toContain("burgerbegroting");
    await sentinel();
    expect(posted()).toHaveLength(2);
  });

  it("given 'Nuttig' pressed twice, then the feedback is stored once with the question", async () => {
    for (const trigger of ["t1", "t2"]) {
      const { headers, body } = signedInteraction(SECRET, {
        type: "block_actions", user: { id: "U0ASKER", username: "sanne", name: "sanne", team_id: "T0TEST" }, api_app_id: "A0TEST", token: "legacy",
        trigger_id: trigger, team: { id: "T0TEST", domain: "test" }, channel: { id: "C0VRAGEN", name: "vragen" },
        container: { type: "message", channel_id: "C0VRAGEN", message_ts: "1700000030.000200", thread_ts: "1700000030.000100" },
        actions: [{ action_id: "vliegwiel_feedback_up", block_id: "b", type: "button", value: "feedback_up", text: { type: "plain_text", text: "Nuttig" }, action_ts: "1" }],
      });
      await fetch(eventsUrl, { method: "POST", headers, body });
    }
    await slack.waitFor("chat.postEphemeral");
    await sentinel();
    expect(posted("chat.postEphemeral")).toHaveLength(1);
    const db = openDatabase(databasePath);
    expect(db.prepare("SELECT channel, conversation_id, helpful FROM feedback").all()).toEqual([{ channel: "slack", conversation_id: "C0VRAGEN:1700000030.000100", helpful: 1 }]);
    db.close();
  });

  it("given the App Home is opened, then it explains Vliegwiel", async () => {
    await send(eventCallback("Ev040", { type: "app_home_opened", user: "U0ASKER", channel: "D0HOME", tab: "home", event_ts: "1700000040.000100" }));
    const [publish] = await slack.waitFor("views.publish");
    expect(publish!.body).toMatchObject({ user_id: "U0ASKER" });
    expect(JSON.stringify(publish!.body.view)).toContain("Zo werk ik");
  });

  it("given 'Vraag een mens' under an answer to /vliegwiel, then the handoff is about the question as asked", async () => {
    const form = new URLSearchParams({
      token: "legacy", team_id: "T0TEST", channel_id: "C0VRAGEN", channel_name: "vragen", user_id: "U0ASKER", user_name: "sanne",
      command: "/vliegwiel", text: "Wat is een burgerbegroting?", response_url: "http://127.0.0.1:9/unused", trigger_id: "trig-4", api_app_id: "A0TEST",
    }).toString();
    await fetch(eventsUrl, { method: "POST", headers: { ...signedSlackRequest(SECRET, form), "content-type": "application/x-www-form-urlencoded" }, body: form });
    const [question] = await slack.waitFor("chat.postMessage", 2);
    const threadTs = question!.response.ts as string;
    const { headers, body } = signedInteraction(SECRET, {
      type: "block_actions", user: { id: "U0ASKER", username: "sanne", name: "sanne", team_id: "T0TEST" }, api_app_id: "A0TEST", token: "legacy",
      trigger_id: "trig-5", team: { id: "T0TEST", domain: "test" }, channel: { id: "C0VRAGEN", name: "vragen" },
      container: { type: "message", channel_id: "C0VRAGEN", message_ts: "1700000099.000100", thread_ts: threadTs },
      actions: [{ action_id: "vliegwiel_ask_human", block_id: "b", type: "button", value: "ask_human", text: { type: "plain_text", text: "Vraag een mens" }, action_ts: "1" }],
    });
    await fetch(eventsUrl, { method: "POST", headers, body });
    await slack.waitFor("chat.postEphemeral");
    const db = openDatabase(databasePath);
    const questions = db.prepare("SELECT json_extract(data, '$.question') FROM handoffs").pluck().all();
    db.close();
    expect(questions).toContain("Wat is een burgerbegroting?");
  });

  it("given Slack answers 429 with Retry-After, then the answer is sent again after the wait", async () => {
    slack.rateLimitOnce.add("chat.postMessage");
    await send(eventCallback("Ev010", { type: "app_mention", user: "U0ASKER", text: "<@U0BOT> Wat is Vereniging Dwarsverband?", ts: "1700000010.000100", channel: "C0VRAGEN" }));
    const posts = await slack.waitFor("chat.postMessage", 2, 15_000);
    expect(posts[0]!.response).toMatchObject({ error: "ratelimited" });
    expect(posts[1]!.response).toMatchObject({ ok: true });
  });

  it("given a very long answer, then it is split into sections within Slack's limits", async () => {
    const { renderSlackReply } = await import("../../src/channels/slack/render-slack-reply.js");
    const long = Array.from({ length: 200 }, (_, i) => `• Zin ${i} over het dorpshuis en de vrijwilligers.`).join("\n");
    const { blocks } = renderSlackReply({ kind: "answer", decision: "answer", reason: "x", text: `${long}\n\nBronnen:\n[1] Verslag`, sources: [], furtherReading: [], passages: [], confidence: 1 });
    const sections = blocks.filter((b) => b.type === "section") as Array<{ text: { text: string } }>;
    expect(sections.length).toBeGreaterThan(1);
    for (const s of sections) expect(s.text.text.length).toBeLessThanOrEqual(3000);
    expect(sections.map((s) => s.text.text).join("\n")).toContain("Zin 199");
  });

  it("given a channel configured for auto-answer, then a question there is answered without a mention", async () => {
    await send(eventCallback("Ev060", { type: "message", user: "U0ASKER", text: "Wat is Vereniging Dwarsverband?", ts: "1700000070.000100", channel: "C0AUTO", channel_type: "channel" }));
    const [post] = await slack.waitFor("chat.postMessage");
    expect(post!.body).toMatchObject({ channel: "C0AUTO", thread_ts: "1700000070.000100" });
  });

  it("given /vliegwiel help, then it explains itself privately", async () => {
    const form = new URLSearchParams({
      token: "legacy", team_id: "T0TEST", channel_id: "C0VRAGEN", channel_name: "vragen", user_id: "U0ASKER", user_name: "sanne",
      command: "/vliegwiel", text: "help", response_url: apiBase.replace(/\/api\/$/, "/response"), trigger_id: "trig-3", api_app_id: "A0TEST",
    }).toString();
    await fetch(eventsUrl, { method: "POST", headers: { ...signedSlackRequest(SECRET, form), "content-type": "application/x-www-form-urlencoded" }, body: form });
    const [reply] = await slack.waitFor("/response");
    expect(reply!.body).toMatchObject({ response_type: "ephemeral", text: expect.stringContaining("Zo werk ik") });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("given a bad signature, then the request is refused and nothing is answered", async () => {
    const res = await send(eventCallback("Ev007", { type: "app_mention", user: "U0ASKER", text: "<@U0BOT> hoi", ts: "1700000005.000100", channel: "C0VRAGEN" }), {}, "wrong-secret-000");
    expect(res.status).toBe(401);
    await sentinel();
    expect(posted()).toHaveLength(0);
  });
});

describe("Slack handoff end to end against a fake Slack", () => {
  const slack = new FakeSlackApi();
  let eventsUrl: string;
  let databasePath: string;
  let rosterFile: string;
  const HANDOFF_CHANNEL = "C0TOLKEN";

  const sendEvent = (eventId: string, event: Record<string, unknown>) => {
    const body = JSON.stringify(eventCallback(eventId, event));
    return fetch(eventsUrl, { method: "POST", headers: signedSlackRequest(SECRET, body), body });
  };
  /** A block_actions payload in Slack's documented shape. */
  const press = (user: string, actionId: string, value: string, container: Record<string, unknown>, channel: string) => {
    const { headers, body } = signedInteraction(SECRET, {
      type: "block_actions",
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T0TEST" },
      api_app_id: "A0TEST", token: "legacy", trigger_id: `trigger-${actionId}-${user}-${Math.random()}`,
      team: { id: "T0TEST", domain: "test" }, channel: { id: channel, name: "kanaal" },
      container: { type: "message", channel_id: channel, ...container },
      response_url: "http://127.0.0.1:9/unused",
      actions: [{ action_id: actionId, block_id: "b", type: "button", value, text: { type: "plain_text", text: "x" }, action_ts: "1700000100.000001" }],
    });
    return fetch(eventsUrl, { method: "POST", headers, body });
  };

  slack.userNames.set("U0ASKER", "Sanne de Vries");
  slackAppForTests(slack, { roster: ROSTER_YAML, env: { WEB_ENABLED: "false", SLACK_HANDOFF_CHANNEL: HANDOFF_CHANNEL, HANDOFF_TICK_SECONDS: "0.1" } }, (started) => {
    ({ eventsUrl, config: { databasePath, rosterFile } } = started);
  });

  it("given an unanswerable mention, then consent, handoff thread, claim, relay both ways and close all happen in Slack", async () => {
    await sendEvent("EvH1", { type: "app_mention", user: "U0ASKER", text: "<@U0BOT> Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?", ts: "1700000200.000100", channel: "C0VRAGEN" });

    // Consent is asked privately, with the three choices.
    const [consent] = await slack.waitFor("chat.postEphemeral");
    expect(consent!.body).toMatchObject({ channel: "C0VRAGEN", user: "U0ASKER", thread_ts: "1700000200.000100" });
    const consentButtons = (consent!.body.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === "actions")!.elements!;
    expect(consentButtons.map((b) => b.action_id)).toEqual(["vliegwiel_share", "vliegwiel_share_anonymous", "vliegwiel_dont_share"]);
    expect(slack.callsTo("chat.postMessage").filter((c) => c.body.channel === HANDOFF_CHANNEL)).toHaveLength(0);

    await press("U0ASKER", "vliegwiel_share", consentButtons[0]!.value, { message_ts: "1700000200.000200", thread_ts: "1700000200.000100", is_ephemeral: true }, "C0VRAGEN");

    // The handoff thread opens in the tolken's channel, mentioning the routed person, with a claim button.
    const opened = await waitForPost(slack, (c) => c.body.channel === HANDOFF_CHANNEL);
    expect(opened.body.text).toContain("evenementenvergunning");
    // The asker is named, not mentioned: a mention would notify them in the tolken's channel.
    expect(JSON.stringify(opened.body.blocks)).toContain("Nieuwe vraag van Sanne de Vries (via Slack)");
    expect(JSON.stringify(opened.body)).not.toContain("<@U0ASKER>");
    expect(JSON.stringify(opened.body.blocks)).toContain("<@U0ANNA>");
    expect(JSON.stringify(opened.body.blocks)).toContain("vliegwiel_claim");
    const threadTs = opened.response.ts as string;
    const handoffId = (opened.body.blocks as Array<{ type: string; elements?: Array<{ value: string }> }>).find((b) => b.type === "actions")!.elements![0]!.value;

    // Someone off the roster cannot claim; Anna can, and the thread head shows it.
    await press("U0STRANGER", "vliegwiel_claim", handoffId, { message_ts: threadTs }, HANDOFF_CHANNEL);
    await waitForCall(slack, "chat.postEphemeral", (c) => c.body.user === "U0STRANGER" && String(c.body.text).includes("niet op de lijst"));
    await press("U0ANNA", "vliegwiel_claim", handoffId, { message_ts: threadTs }, HANDOFF_CHANNEL);
    const update = await waitForCall(slack, "chat.update", (c) => c.body.ts === threadTs);
    expect(JSON.stringify(update.body.blocks)).toContain("Opgepakt door Anna");
    await waitForPost(slack, (c) => c.body.channel === "C0VRAGEN" && String(c.body.text).includes("Anna heeft je vraag opgepakt"));

    // A second claim loses and is told who has it.
    await press("U0BRAM", "vliegwiel_claim", handoffId, { message_ts: threadTs }, HANDOFF_CHANNEL);
    await waitForCall(slack, "chat.postEphemeral", (c) => c.body.user === "U0BRAM" && String(c.body.text).includes("al opgepakt"));

    // Anna's reply in the thread reaches the asker's thread, marked as from a person.
    await sendEvent("EvH2", { type: "message", user: "U0ANNA", text: "Minstens acht weken vooraf bij de gemeente.", ts: "1700000300.000100", thread_ts: threadTs, channel: HANDOFF_CHANNEL, channel_type: "channel" });
    const relayed = await waitForPost(slack, (c) => c.body.channel === "C0VRAGEN" && String(c.body.text).startsWith("Antwoord van Anna"));
    expect(relayed.body).toMatchObject({ thread_ts: "1700000200.000100" });

    // The asker answers Anna deliberately: "Antwoord aan Anna" under her answer, then a message in their thread.
    const replyButton = (relayed.body.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === "actions")!.elements![0]!;
    expect(replyButton.action_id).toBe("vliegwiel_write_to_helper");
    await press("U0ASKER", "vliegwiel_write_to_helper", replyButton.value, { message_ts: relayed.response.ts, thread_ts: "1700000200.000100" }, "C0VRAGEN");
    await waitForPost(slack, (c) => c.body.channel === "C0VRAGEN" && String(c.body.text).includes("je volgende bericht gaat naar"));
    await sendEvent("EvH3", { type: "message", user: "U0ASKER", text: "Ook voor 200 mensen?", ts: "1700000400.000100", thread_ts: "1700000200.000100", channel: "C0VRAGEN", channel_type: "channel" });
    await waitForPost(slack, (c) => c.body.channel === HANDOFF_CHANNEL && c.body.thread_ts === threadTs && String(c.body.text).includes("Ook voor 200 mensen?"));

    // Anna closes and adds the answer to the knowledge store; the asker is told.
    await press("U0ANNA", "vliegwiel_close_learn", handoffId, { message_ts: threadTs }, HANDOFF_CHANNEL);
    await waitForPost(slack, (c) => c.body.channel === "C0VRAGEN" && String(c.body.text).includes("afgesloten"));
  });

  it("given kennis -- vergeet of the tolk who claimed and answered in Slack, then no row holds her Slack id, roster id or name; her answer stays", async () => {
    const rows = () => {
      const db = openDatabase(databasePath);
      try {
        const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'passages%' AND name NOT IN ('documents', 'word_memory')").pluck().all() as string[];
        return tables.map((t) => `${t}: ${JSON.stringify(db.prepare(`SELECT * FROM "${t}"`).all())}`).join("\n");
      } finally {
        db.close();
      }
    };
    expect(rows()).toContain("U0ANNA");
    const db = openDatabase(databasePath);
    try {
      // As kennis -- vergeet slack:U0ANNA does: her roster entry gives every id and her name.
      const anna = new YamlRoster(rosterFile).identity("slack", "U0ANNA")!;
      forgetPerson(db, "slack:U0ANNA", new Date(), { ids: anna.ids, names: [anna.name] });
    } finally {
      db.close();
    }
    const after = rows();
    expect(after).not.toContain("U0ANNA");
    expect(after).not.toContain('"anna"');
    expect(after).not.toMatch(/\bAnna\b/);
    expect(after).toContain("Minstens acht weken vooraf bij de gemeente.");
    // Bram, who only tried to claim, is still mentioned where he was.
    expect(after).toContain('"bram"');
  });
});

async function waitForCall(slack: FakeSlackApi, method: string, match: (c: SlackCall) => boolean): Promise<SlackCall> {
  for (let i = 0; i < 200; i++) {
    const found = slack.callsTo(method).find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no matching ${method}; calls: ${slack.calls.map((c) => `${c.method} ${JSON.stringify(c.body).slice(0, 120)}`).join("\n")}`);
}

const waitForPost = (slack: FakeSlackApi, match: (c: SlackCall) => boolean) => waitForCall(slack, "chat.postMessage", match);

describe("Slack in Socket Mode against a fake Slack", () => {
  const temp = tempDir();
  const slack = new FakeSlackApi();
  const socket = new FakeSlackSocket();
  let app: App;

  beforeAll(async () => {
    const apiUrl = await slack.start();
    slack.socketUrl = await socket.start();
    const config = testConfig(temp.dir, {
      WEB_ENABLED: "false", SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_APP_TOKEN: "xapp-1-test", SLACK_API_URL: apiUrl,
    });
    app = createApp(config, createLogger("error"));
    await app.start();
    await socket.waitForConnection();
  });
  afterAll(async () => {
    await app.stop();
    await socket.stop();
    await slack.stop();
    temp.cleanup();
  });

  it("given a mention over the socket, then the envelope is acknowledged and the answer posted in the thread", async () => {
    expect(slack.callsTo("apps.connections.open")).toHaveLength(1);
    socket.deliver("env-1", "events_api", eventCallback("EvS1", {
      type: "app_mention", user: "U0ASKER", text: "<@U0BOT> Wat is een burgerbegroting?", ts: "1700000050.000100", channel: "C0VRAGEN",
    }));
    const [post] = await slack.waitFor("chat.postMessage");
    expect(post!.body).toMatchObject({ channel: "C0VRAGEN", thread_ts: "1700000050.000100" });
    expect(socket.acks).toContain("env-1");
  });
});
