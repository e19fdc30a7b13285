import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { FakeSlackApi, signedInteraction, signedSlackRequest, type SlackCall } from "../fakes/fake-slack-api.js";
import { eventually, saveProfile, slackCommand, viewSubmission } from "../helpers/intro-flow.js";
import { ROSTER_YAML, SLACK_SECRET, SlackDriver } from "../helpers/slack-flow.js";
import { REPO_ROOT } from "../helpers/temp-knowledge.js";
import { slackAppForTests } from "../helpers/slack-app.js";

const DAY = 86_400_000;
type Block = { type: string; block_id?: string; text?: { text: string }; elements?: Array<{ action_id: string; value: string }> };
/** The initiatives an answer suggests with "Breng me in contact" beside them. */
const connectButtonsIn = (call: SlackCall) =>
  ((call.body.blocks ?? []) as Array<{ accessory?: { action_id: string; value: string } }>).flatMap((b) => (b.accessory?.action_id === "vliegwiel_connect_me" ? [b.accessory.value] : []));
const buttonsOf = (call: SlackCall) => ((call.body.blocks ?? []) as Block[]).flatMap((b) => (b.type === "actions" ? b.elements ?? [] : []));

/** The whole introduction loop in Slack (HTTP mode) against the fake Slack Web API. */
describe("introductions in Slack", () => {
  const slack = new FakeSlackApi();
  let driver: SlackDriver;
  let offset = 0;
  let ts = 1_700_200_000;
  const nextTs = () => `${ts++}.000100`;
  let databasePath: string;
  let eventsUrl: string;
  let apiBase: string;
  let knowledgeDir: string;

  slackAppForTests(slack, {
    roster: ROSTER_YAML, clock: () => new Date(Date.now() + offset),
    env: { WEB_ENABLED: "false", HANDOFF_TICK_SECONDS: "0.1", INTRODUCTION_TIMEOUT_DAYS: "5", INTRODUCTION_FOLLOW_UP_DAYS: "14" },
  }, (started) => {
    ({ apiUrl: apiBase, eventsUrl, driver, config: { databasePath, knowledgeDir } } = started);
    saveProfile(databasePath, { id: "de-schakel", name: "Dorpshuis De Schakel", contact: { name: "Kees", handles: { slack: "U0KEES" }, contactable: true } });
    saveProfile(databasePath, { id: "stille-kracht", name: "Stille Kracht", contact: { name: "Els", handles: { slack: "U0ELS" }, contactable: false } });
    saveProfile(databasePath, {
      id: "eigen-auto", name: "Dorpsauto Benschop", contact: { name: "Sanne", handles: { slack: "U0SANNE" }, contactable: true },
      themes: ["deelauto"], description: "Een elektrische deelauto voor het hele dorp.", experience: "Een elektrische dorpsauto delen met veertig huishoudens.",
    });
  });

  /** Asks a question in a DM; resolves to the thread. */
  async function ask(user: string, channel: string, text = "Hoe starten we een buurtbus met vrijwilligers?"): Promise<string> {
    const at = nextTs();
    await driver.event(`Ev${at}`, { type: "message", channel_type: "im", user, text, ts: at, channel });
    await eventually(() => slack.posts(channel).find((c) => c.body.thread_ts === at), "the answer");
    return at;
  }

  /** Presses "Breng me in contact" under the answer in the thread; resolves to the reply with the choice. */
  async function connectMe(user: string, channel: string, thread: string, initiativeId: string, trigger = `t-${Math.random()}`): Promise<SlackCall> {
    const before = slack.posts(channel).length;
    await driver.press(user, "vliegwiel_connect_me", initiativeId, channel, { message_ts: `${thread}1`, thread_ts: thread }, trigger);
    return eventually(() => slack.posts(channel).slice(before).find((c) => c.body.thread_ts === thread), "the reply to Breng me in contact");
  }

  /** The asker chooses; resolves to the request in the contact's DM. */
  async function chooseAndGetRequest(user: string, channel: string, thread: string, introId: string, contactDm: string, button = "vliegwiel_intro_share_named"): Promise<SlackCall> {
    await driver.press(user, button, introId, channel, { message_ts: `${thread}2`, thread_ts: thread });
    return eventually(() => slack.posts(contactDm).find((c) => JSON.stringify(c.body.blocks ?? "").includes(introId)), "the request to the contact");
  }

  it("given a question and 'Breng me in contact', then the contact gets a private request and on accept both share a group DM", async () => {
    const thread = await ask("U0ASKER", "D0ASKER");
    // The answer suggests the initiative whose contact agreed, never the one whose contact did not.
    const suggested = connectButtonsIn(slack.posts("D0ASKER").find((c) => c.body.thread_ts === thread)!);
    expect(suggested).toContain("de-schakel");
    expect(suggested).not.toContain("stille-kracht");
    const choice = await connectMe("U0ASKER", "D0ASKER", thread, "de-schakel");
    expect(choice.body.text).toContain("Wat mag ik doorgeven?");
    expect(buttonsOf(choice).map((b) => b.action_id)).toEqual(["vliegwiel_intro_share_named", "vliegwiel_intro_share_question", "vliegwiel_intro_cancel"]);
    const introId = buttonsOf(choice)[0]!.value;
    // Nothing reaches the contact before the asker chose.
    expect(slack.callsTo("conversations.open")).toEqual([]);

    const request = await chooseAndGetRequest("U0ASKER", "D0ASKER", thread, introId, "DU0KEES");
    expect(slack.callsTo("conversations.open")[0]!.body.users).toBe("U0KEES");
    expect(request.body.text).toContain("Hoe starten we een buurtbus met vrijwilligers?");
    expect(request.body.text).toContain("Gebruiker U0ASKER zoekt contact met Dorpshuis De Schakel");
    expect(buttonsOf(request).map((b) => b.action_id)).toEqual(["vliegwiel_intro_accept", "vliegwiel_intro_decline"]);
    await eventually(() => slack.posts("D0ASKER").find((c) => String(c.body.text).includes("Je verzoek is doorgestuurd naar Dorpshuis De Schakel")), "the asker hears it was sent");

    // Accepted, and the same press delivered twice: one group DM, one introduction.
    const requestTs = String(request.response.ts);
    await driver.press("U0KEES", "vliegwiel_intro_accept", introId, "DU0KEES", { message_ts: requestTs }, "trigger-accept-1");
    await driver.press("U0KEES", "vliegwiel_intro_accept", introId, "DU0KEES", { message_ts: requestTs }, "trigger-accept-1");
    const intro = await eventually(() => slack.posts("GU0ASKERU0KEES")[0], "the introduction in a group DM");
    expect(slack.callsTo("conversations.open").map((c) => c.body.users)).toContain("U0ASKER,U0KEES");
    expect(intro.body.text).toContain("<@U0ASKER>");
    expect(intro.body.text).toContain("<@U0KEES>");
    expect(slack.callsTo("chat.update").some((c) => c.body.channel === "DU0KEES" && c.body.ts === requestTs)).toBe(true);
    // A third, new press changes nothing either; the group DM holds one introduction.
    await driver.press("U0KEES", "vliegwiel_intro_accept", introId, "DU0KEES", { message_ts: requestTs }, "trigger-accept-2");
    // Each reply carries its press's key (slack-reply-once.ts): the same press delivered twice is answered once.
    const repliesTo = (trigger: string) => slack.messages.filter((m) => m.channel === "DU0KEES" && JSON.stringify(m.metadata ?? "").includes(`"reply_key":"slack:${trigger}"`));
    await eventually(() => repliesTo("trigger-accept-2").length > 0 || undefined, "the answer to the extra press");
    expect(repliesTo("trigger-accept-1")).toHaveLength(1);
    expect(slack.posts("GU0ASKERU0KEES")).toHaveLength(1);

    // After the follow-up time both are asked whether it helped.
    offset += 15 * DAY;
    const asked = await eventually(() => {
      const both = [...slack.posts("D0ASKER"), ...slack.posts("DU0KEES")].filter((c) => String(c.body.text).includes("Heeft het geholpen?"));
      return both.length === 2 ? both : undefined;
    }, "the follow-up question to both");
    expect(asked.flatMap(buttonsOf).map((b) => b.action_id)).toEqual(["vliegwiel_intro_helped_yes", "vliegwiel_intro_helped_no", "vliegwiel_intro_helped_yes", "vliegwiel_intro_helped_no"]);
    await driver.press("U0KEES", "vliegwiel_intro_helped_yes", introId, "DU0KEES", { message_ts: String(asked[1]!.response.ts) });
    await eventually(() => slack.posts("DU0KEES").find((c) => String(c.body.text).includes("Dank je voor je antwoord")), "thanks for the answer");
  });

  it("given a channel thread where someone else asked, then 'Breng me in contact' never passes on that other person's question", async () => {
    const at = nextTs();
    await driver.event(`Ev${at}`, { type: "app_mention", user: "U0ALICE", text: "<@U0BOT> Hoe starten we een buurtbus met vrijwilligers in ons dorp?", ts: at, channel: "C0ALGEMEEN" });
    await eventually(() => slack.posts("C0ALGEMEEN").find((c) => c.body.thread_ts === at), "the answer in the thread");
    const opened = slack.callsTo("conversations.open").length;
    const ephemerals = slack.callsTo("chat.postEphemeral").length;
    await driver.press("U0BOB", "vliegwiel_connect_me", "de-schakel", "C0ALGEMEEN", { message_ts: `${at}1`, thread_ts: at });
    // In a channel the reply is for Bob's eyes only; Bob asked nothing here, so there is no question of
    // his to pass on, and Alice's is not his to send.
    const reply = await eventually(() => slack.callsTo("chat.postEphemeral").slice(ephemerals).find((c) => c.body.user === "U0BOB"), "the reply to Bob");
    expect(buttonsOf(reply).map((b) => b.action_id)).not.toContain("vliegwiel_intro_share_named");
    expect(slack.callsTo("conversations.open")).toHaveLength(opened);
    expect(JSON.stringify(slack.posts("DU0KEES"))).not.toContain("in ons dorp");
  });

  it("given the contact declines, then the asker is told kindly without a reason and nothing else reaches anyone", async () => {
    const thread = await ask("U0ASKER2", "D0ASKER2");
    const introId = buttonsOf(await connectMe("U0ASKER2", "D0ASKER2", thread, "de-schakel"))[0]!.value;
    const request = await chooseAndGetRequest("U0ASKER2", "D0ASKER2", thread, introId, "DU0KEES", "vliegwiel_intro_share_question");
    expect(request.body.text).toContain("Iemand uit het netwerk zoekt contact");
    expect(request.body.text).not.toContain("U0ASKER2");
    await driver.press("U0KEES", "vliegwiel_intro_decline", introId, "DU0KEES", { message_ts: String(request.response.ts) });
    const told = await eventually(() => slack.posts("D0ASKER2").find((c) => String(c.body.text).includes("komt er nu helaas niet van")), "the kind no");
    expect(told.body.thread_ts).toBe(thread);
    expect(slack.callsTo("conversations.open").map((c) => c.body.users)).not.toContain("U0ASKER2,U0KEES");
  });

  it("given no answer within the timeout, then the asker is told kindly and the contact's request lapses", async () => {
    const thread = await ask("U0ASKER3", "D0ASKER3");
    const introId = buttonsOf(await connectMe("U0ASKER3", "D0ASKER3", thread, "de-schakel"))[0]!.value;
    await chooseAndGetRequest("U0ASKER3", "D0ASKER3", thread, introId, "DU0KEES");
    offset += 6 * DAY;
    await eventually(() => slack.posts("D0ASKER3").find((c) => String(c.body.text).includes("komt er nu helaas niet van")), "the kind no after the timeout");
    await eventually(() => slack.posts("DU0KEES").find((c) => String(c.body.text).includes("is verlopen")), "the contact hears the request lapsed");
  });

  it("given an initiative whose contact did not agree, or the asker's own, then no request is made and nothing about the contact is shown", async () => {
    const dorpsauto = "Hoe kunnen we een elektrische dorpsauto delen?";
    // Someone else is offered Sanne's initiative; Sanne, asking the same, is not offered her own.
    const other = await ask("U0PIET", "D0PIET", dorpsauto);
    expect(connectButtonsIn(slack.posts("D0PIET").find((c) => c.body.thread_ts === other)!)).toContain("eigen-auto");
    const thread = await ask("U0SANNE", "D0SANNE", dorpsauto);
    expect(connectButtonsIn(slack.posts("D0SANNE").find((c) => c.body.thread_ts === thread)!)).not.toContain("eigen-auto");
    // A forged press for an initiative whose contact did not agree: refused, naming nobody.
    const quiet = await connectMe("U0SANNE", "D0SANNE", thread, "stille-kracht");
    expect(quiet.body.text).toContain("niemand die benaderd mag worden");
    expect(JSON.stringify(quiet.body)).not.toContain("Els");
    const own = await connectMe("U0SANNE", "D0SANNE", thread, "eigen-auto");
    expect(own.body.text).toContain("je eigen initiatief");
    expect(slack.callsTo("conversations.open").map((c) => c.body.users)).not.toContain("U0ELS");
  });

  it("given /vliegwiel initiatief, then a modal opens; problems show at their fields; saved, it is prefilled and its contact can be introduced", async () => {
    await slackCommand(eventsUrl, SLACK_SECRET, "U0MARIEKE", "/vliegwiel", "initiatief", "trig-profile-1", signedSlackRequest);
    const opened = await eventually(() => slack.callsTo("views.open").find((c) => c.body.trigger_id === "trig-profile-1"), "views.open");
    const view = opened.body.view as Record<string, unknown> & { blocks: Array<{ block_id: string; element: { type: string; initial_option?: { value: string } } }> };
    expect(view).toMatchObject({ type: "modal", callback_id: "initiatief_profiel" });
    expect(view.blocks.map((b) => b.block_id)).toEqual(["name", "place", "municipality", "province", "themes", "description", "experience", "seeking", "website", "contactable"]);
    // "Mag benaderd worden" is asked, and no is the default.
    expect(view.blocks.at(-1)!.element.initial_option!.value).toBe("nee");

    const submit = async (payload: object) => {
      const { headers, body } = signedInteraction(SLACK_SECRET, payload);
      const res = await fetch(eventsUrl, { method: "POST", headers, body });
      const text = await res.text();
      return text ? (JSON.parse(text) as Record<string, unknown>) : {};
    };
    const invalid = await submit(viewSubmission("U0MARIEKE", view, { name: "", website: "geen adres" }));
    expect(invalid.response_action).toBe("errors");
    expect(Object.keys(invalid.errors as object).sort()).toEqual(["description", "name", "website"]);

    const saved = await submit(viewSubmission("U0MARIEKE", view, {
      name: "Energiecoöperatie Zon op Zeewolde", place: "Zeewolde", municipality: "Zeewolde", province: "Flevoland", themes: "energie, zonnepanelen",
      description: "Wij leggen zonnepanelen op daken van boeren.", experience: "Een postcoderoos opzetten met 300 leden.",
    }, { block: "contactable", value: "ja" }));
    expect(saved.response_action).toBeUndefined();
    await eventually(() => slack.posts("DU0MARIEKE").find((c) => String(c.body.text).includes("staat in de initiatievengids")), "the saved message");

    // Opened again: prefilled with the profile, which remembers the choice.
    await slackCommand(eventsUrl, SLACK_SECRET, "U0MARIEKE", "/vliegwiel", "initiatief", "trig-profile-2", signedSlackRequest);
    const again = await eventually(() => slack.callsTo("views.open").find((c) => c.body.trigger_id === "trig-profile-2"), "views.open again");
    const prefilled = again.body.view as { private_metadata: string; blocks: Array<{ block_id: string; element: { initial_value?: string; initial_option?: { value: string } } }> };
    expect(prefilled.blocks.find((b) => b.block_id === "name")!.element.initial_value).toBe("Energiecoöperatie Zon op Zeewolde");
    expect(prefilled.blocks.at(-1)!.element.initial_option!.value).toBe("ja");
    const { id } = JSON.parse(prefilled.private_metadata) as { id: string };

    // Someone else asks a question that fits: the answer suggests the initiative, with "Breng me in contact" beside it.
    const thread = await ask("U0JOOST", "D0JOOST", "Hoe zetten we een postcoderoos op met zonnepanelen op daken van boeren?");
    const suggested = connectButtonsIn(slack.posts("D0JOOST").find((c) => c.body.thread_ts === thread)!);
    expect(suggested).toContain(id);
    // Marieke asking the same does not get her own initiative suggested.
    const own = await ask("U0MARIEKE", "D0MARIEKE", "Hoe zetten we een postcoderoos op met zonnepanelen op daken van boeren?");
    expect(connectButtonsIn(slack.posts("D0MARIEKE").find((c) => c.body.thread_ts === own)!)).not.toContain(id);
    const introId = buttonsOf(await connectMe("U0JOOST", "D0JOOST", thread, id))[0]!.value;
    const request = await chooseAndGetRequest("U0JOOST", "D0JOOST", thread, introId, "DU0MARIEKE");
    expect(request.body.text).toContain("Energiecoöperatie Zon op Zeewolde");
  });

  it("given introductions asked, accepted, declined and expired, then the signals count them per theme and region, and vergeet removes a person's part", async () => {
    const before = slack.callsTo("/response").length;
    await slackCommand(eventsUrl, SLACK_SECRET, "U0COORD", "/vliegwiel", "signalen 30", "trig-signals", signedSlackRequest, apiBase.replace(/\/api\/$/, "/response"));
    const [report] = (await slack.waitFor("/response", before + 1)).slice(before);
    const text = String(report!.body.text);
    expect(text).toContain("Kennismakingen via de initiatievengids:\n– totaal: 4 gevraagd, 1 geaccepteerd, 1 liever niet, 1 zonder antwoord, 1 hielp");
    expect(text).toMatch(/– thema mobiliteit: 3 gevraagd, 1 geaccepteerd, 1 liever niet, 1 zonder antwoord, 1 hielp/);
    expect(text).not.toContain("U0ASKER"); // counts, not people
    expect(text).toMatch(/– Zeewolde: 1 gevraagd, 0 geaccepteerd/);

    const { stdout } = await promisify(execFile)(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [path.join(REPO_ROOT, "src/cli/kennis.ts"), "vergeet", "slack:U0ASKER2"], {
      cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: path.dirname(databasePath), DATABASE_PATH: databasePath, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "error" },
    });
    expect(stdout).toContain("1 kennismaking zonder naam en vraag bewaard");
    const db = new Database(databasePath, { readonly: true });
    try {
      const rows = JSON.stringify(db.prepare("SELECT * FROM introductions").all());
      expect(rows).not.toContain("U0ASKER2");
      expect(rows).toContain("U0ASKER3"); // the others are untouched
    } finally {
      db.close();
    }
  });

  it("given an asker who wrote in English, then the group DM both read says it in Dutch and in English", async () => {
    const thread = await ask("U0JOHN", "D0JOHN", "How do we start a community bus with volunteer drivers in our village?");
    const choice = await connectMe("U0JOHN", "D0JOHN", thread, "de-schakel");
    expect(choice.body.text).toContain("What may I pass on?");
    const introId = buttonsOf(choice)[0]!.value;
    const request = await chooseAndGetRequest("U0JOHN", "D0JOHN", thread, introId, "DU0KEES");
    expect(request.body.text).toContain("zoekt contact met Dorpshuis De Schakel");
    await driver.press("U0KEES", "vliegwiel_intro_accept", introId, "DU0KEES", { message_ts: String(request.response.ts) });
    const shared = await eventually(() => slack.posts("GU0JOHNU0KEES")[0], "the introduction in a group DM");
    const text = String(shared.body.text);
    expect(text).toMatch(/^Hallo <@U0JOHN> en <@U0KEES>!/);
    expect(text).toContain("<@U0JOHN> schreef in het Engels.");
    expect(text).toContain("In English: hello <@U0JOHN> and <@U0KEES>! <@U0KEES> from Dorpshuis De Schakel would like to help with <@U0JOHN>'s question above.");
  });

  it("given an asker in a channel thread, then what concerns them alone reaches their DM, not the thread others read", async () => {
    const at = nextTs();
    await driver.event(`Ev${at}`, { type: "app_mention", user: "U0ALMA", text: "<@U0BOT> Hoe starten we een buurtbus met vrijwilligers in ons dorp?", ts: at, channel: "C0ALGEMEEN" });
    await eventually(() => slack.posts("C0ALGEMEEN").find((c) => c.body.thread_ts === at), "the answer in the thread");
    const ephemerals = slack.callsTo("chat.postEphemeral").length;
    await driver.press("U0ALMA", "vliegwiel_connect_me", "de-schakel", "C0ALGEMEEN", { message_ts: `${at}1`, thread_ts: at });
    const choice = await eventually(() => slack.callsTo("chat.postEphemeral").slice(ephemerals).find((c) => c.body.user === "U0ALMA"), "the choice, for Alma only");
    await chooseAndGetRequest("U0ALMA", "C0ALGEMEEN", at, buttonsOf(choice)[0]!.value, "DU0KEES");
    await eventually(() => slack.posts("DU0ALMA").find((c) => String(c.body.text).includes("Je verzoek is doorgestuurd naar Dorpshuis De Schakel")), "the notice in Alma's DM");
    expect(slack.posts("C0ALGEMEEN").filter((c) => /Je verzoek|Dorpshuis De Schakel/.test(String(c.body.text)))).toEqual([]);
  });
});
