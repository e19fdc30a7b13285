import type { FakeSlackApi, FaultDecision, SlackCall } from "../fakes/fake-slack-api.js";
import { signedInteraction, signedSlackRequest } from "../fakes/fake-slack-api.js";

export const SLACK_SECRET = "test-signing-secret-123";
export const TOLKEN = "C0TOLKEN";
export const ROSTER_YAML =
  "coordinators: [{ id: carla, name: Carla, slack: U0COORD }]\nmembers:\n  - { id: anna, name: Anna, slack: U0ANNA, themes: [vergunningen] }\n  - { id: bram, name: Bram, slack: U0BRAM }\n";

/** Event payloads in the shape of Slack's Events API (event_callback). */
export function eventCallback(eventId: string, event: Record<string, unknown>) {
  return { token: "legacy", team_id: "T0TEST", api_app_id: "A0TEST", type: "event_callback", event_id: eventId, event_time: 1_700_000_000, event };
}

/** Drives a Slack app over HTTP as Slack does: signed events and button presses to /slack/events. */
export class SlackDriver {
  constructor(
    private readonly slack: FakeSlackApi,
    public eventsUrl: string,
  ) {}

  event(eventId: string, event: Record<string, unknown>): Promise<Response> {
    const body = JSON.stringify(eventCallback(eventId, event));
    return fetch(this.eventsUrl, { method: "POST", headers: signedSlackRequest(SLACK_SECRET, body), body });
  }

  /** `/vliegwiel <text>` in `channel`, form-encoded and signed as Slack posts a slash command. */
  command(triggerId: string, text: string, channel: string, user = "U0ASKER"): Promise<Response> {
    const form = new URLSearchParams({
      token: "legacy", team_id: "T0TEST", channel_id: channel, channel_name: "vragen", user_id: user, user_name: user.toLowerCase(),
      command: "/vliegwiel", text, response_url: "http://127.0.0.1:9/unused", trigger_id: triggerId, api_app_id: "A0TEST",
    }).toString();
    return fetch(this.eventsUrl, { method: "POST", headers: { ...signedSlackRequest(SLACK_SECRET, form), "content-type": "application/x-www-form-urlencoded" }, body: form });
  }

  /** A block_actions payload in Slack's documented shape. */
  press(user: string, actionId: string, value: string, channel: string, container: Record<string, unknown>, triggerId = `trigger-${Math.random()}`): Promise<Response> {
    const { headers, body } = signedInteraction(SLACK_SECRET, {
      type: "block_actions",
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T0TEST" },
      api_app_id: "A0TEST", token: "legacy", trigger_id: triggerId,
      team: { id: "T0TEST", domain: "test" }, channel: { id: channel, name: "kanaal" },
      container: { type: "message", channel_id: channel, ...container },
      response_url: "http://127.0.0.1:9/unused",
      actions: [{ action_id: actionId, block_id: "b", type: "button", value, text: { type: "plain_text", text: "x" }, action_ts: "1700000100.000001" }],
    });
    return fetch(this.eventsUrl, { method: "POST", headers, body });
  }

  /** Asks an unanswerable question by mention in `channel`; resolves to the consent buttons' handoff id. */
  async askForPerson(eventId: string, user: string, channel: string, ts: string, timeoutMs = 60_000): Promise<string> {
    await this.event(eventId, { type: "app_mention", user, text: "<@U0BOT> Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?", ts, channel });
    const consent = await waitForCall(this.slack, "chat.postEphemeral", (c) => c.body.channel === channel && c.body.thread_ts === ts, timeoutMs);
    const buttons = (consent.body.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === "actions")!.elements!;
    return buttons[0]!.value;
  }

  share(user: string, handoffId: string, channel: string, threadTs: string, triggerId?: string): Promise<Response> {
    return this.press(user, "vliegwiel_share", handoffId, channel, { message_ts: `${threadTs}9`, thread_ts: threadTs, is_ephemeral: true }, triggerId);
  }
}

export async function waitForCall(slack: FakeSlackApi, method: string, match: (c: SlackCall) => boolean, timeoutMs = 20_000): Promise<SlackCall> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = slack.callsTo(method).find(match);
    if (found) return found;
    if (Date.now() > until) throw new Error(`no matching ${method}; calls:\n${slack.calls.map((c) => `${c.method} ${JSON.stringify(c.body).slice(0, 160)}`).join("\n")}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** The head of a handoff in the tolken's channel (only posts that landed). */
export const headsOf = (slack: FakeSlackApi, handoffId: string) =>
  slack.posts(TOLKEN).filter((c) => !c.body.thread_ts && JSON.stringify(c.body.blocks ?? "").includes(handoffId));

/**
 * Lets the first request that `matches` picks meet `fault` (the fake's onRequest); the returned state says
 * whether it happened and holds that request's body (to find its call among the fake's calls).
 */
export function faultFirstRequest(slack: FakeSlackApi, fault: FaultDecision, matches: (method: string, body: Record<string, unknown>) => boolean): { hit: boolean; body?: Record<string, unknown> } {
  const state: { hit: boolean; body?: Record<string, unknown> } = { hit: false };
  slack.onRequest = (method, body) => {
    if (state.hit || !matches(method, body)) return undefined;
    state.hit = true;
    state.body = body;
    return fault;
  };
  return state;
}
