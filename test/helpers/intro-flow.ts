import type { InitiativeProfile } from "../../src/core/gids/initiative.js";
import type { FakeSlackApi, SlackCall } from "../fakes/fake-slack-api.js";
import type { SlackDriver } from "./slack-flow.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";

/** A published profile of an initiative with one contact, saved in the app's own database file. */
export function saveProfile(databasePath: string, profile: { id: string; name: string; contact: { name: string; handles: Record<string, string>; contactable: boolean } } & Partial<InitiativeProfile>): InitiativeProfile {
  const db = openDatabase(databasePath);
  try {
    const { contact, ...rest } = profile;
    return new SqliteInitiativeDirectory(db).save({
      place: "Lopik", municipality: "Lopik", province: "Utrecht", themes: ["mobiliteit"],
      description: "Dorpshuis met een buurtbus voor ouderen.", experience: "Een buurtbus opzetten met vrijwillige chauffeurs, sinds 2019.", seeking: "",
      ...rest, contacts: [contact], status: "published",
    }, { platform: "test", userId: "setup" });
  } finally {
    db.close();
  }
}

/** Polls until a condition holds (conditions, not sleeps, for a loaded machine). */
export async function eventually<T>(find: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined && found !== false) return found;
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A slash command as Slack posts it over HTTP (form-encoded, signed). */
export function slackCommand(eventsUrl: string, secret: string, user: string, command: string, text: string, triggerId: string, signed: (secret: string, body: string) => Record<string, string>, responseUrl = "http://127.0.0.1:9/unused"): Promise<Response> {
  const form = new URLSearchParams({
    token: "legacy", team_id: "T0TEST", channel_id: `D0${user}`, channel_name: "directmessage", user_id: user, user_name: user.toLowerCase(),
    command, text, response_url: responseUrl, trigger_id: triggerId, api_app_id: "A0TEST",
  }).toString();
  return fetch(eventsUrl, { method: "POST", headers: { ...signed(secret, form), "content-type": "application/x-www-form-urlencoded" }, body: form });
}

/**
 * A view_submission as Slack posts it: the view as opened, with the values typed into its inputs
 * (`state.values[block_id][action_id]`), as Slack documents the payload.
 */
export function viewSubmission(user: string, view: Record<string, unknown>, typed: Record<string, string>, choice?: { block: string; value: string }) {
  const values: Record<string, Record<string, unknown>> = {};
  for (const block of (view.blocks as Array<{ block_id: string; element?: { type: string; initial_value?: string; initial_option?: { text: unknown; value: string } } }>)) {
    // Only input blocks have state; a radio group's preselected option is submitted as chosen.
    if (block.element?.type === "radio_buttons" && block.element.initial_option) values[block.block_id] = { value: { type: "radio_buttons", selected_option: block.element.initial_option } };
    if (block.element?.type === "plain_text_input") {
      const value = block.block_id in typed ? typed[block.block_id] : block.element.initial_value;
      values[block.block_id] = { value: { type: "plain_text_input", value: value ?? null } };
    }
  }
  if (choice) values[choice.block] = { value: { type: "radio_buttons", selected_option: { text: { type: "plain_text", text: choice.value }, value: choice.value } } };
  return {
    type: "view_submission", team: { id: "T0TEST", domain: "test" }, user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T0TEST" },
    api_app_id: "A0TEST", token: "legacy", trigger_id: `trigger-${Math.random()}`,
    view: { id: "V0000001", team_id: "T0TEST", type: "modal", ...view, state: { values }, hash: "h1", app_id: "A0TEST", bot_id: "B0BOT" },
    response_urls: [],
  };
}

type SlackBlock = { type: string; elements?: Array<{ action_id: string; value: string }> };
/** The buttons a Slack post carries (its "actions" blocks' elements). */
export const slackButtonsOf = (call: SlackCall) => ((call.body.blocks ?? []) as SlackBlock[]).flatMap((b) => (b.type === "actions" ? b.elements ?? [] : []));

/**
 * On Slack: U0ASKER asks in a DM (in thread `thread`, event `eventId`), asks to be put in touch with the
 * initiative "de-schakel", passes on question and name, and its contact U0KEES accepts; resolves to the
 * introduction's id once the group DM is opened.
 */
export async function slackIntroductionAccepted(driver: SlackDriver, slack: FakeSlackApi, eventId: string, thread: string): Promise<string> {
  await driver.event(eventId, { type: "message", channel_type: "im", user: "U0ASKER", text: "Hoe starten we een buurtbus met vrijwilligers?", ts: thread, channel: "D0ASKER" });
  await eventually(() => slack.posts("D0ASKER").find((c) => c.body.thread_ts === thread), "the answer");
  await driver.press("U0ASKER", "vliegwiel_connect_me", "de-schakel", "D0ASKER", { message_ts: `${thread}1`, thread_ts: thread });
  const choice = await eventually(() => slack.posts("D0ASKER").find((c) => slackButtonsOf(c).some((b) => b.action_id === "vliegwiel_intro_share_named")), "the choice");
  const introId = slackButtonsOf(choice)[0]!.value;
  await driver.press("U0ASKER", "vliegwiel_intro_share_named", introId, "D0ASKER", { message_ts: `${thread}2`, thread_ts: thread });
  const request = await eventually(() => slack.posts("DU0KEES").find((c) => JSON.stringify(c.body.blocks).includes(introId)), "the request");
  await driver.press("U0KEES", "vliegwiel_intro_accept", introId, "DU0KEES", { message_ts: String(request.response.ts) });
  await eventually(() => slack.posts("GU0ASKERU0KEES")[0], "the group DM");
  return introId;
}
