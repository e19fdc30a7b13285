import { describe, expect, it } from "vitest";
import { FakeSlackApi, signedInteraction, signedSlackRequest, type SlackCall } from "../fakes/fake-slack-api.js";
import { slackAppForTests } from "../helpers/slack-app.js";

const SECRET = "test-signing-secret-123";
const HANDOFF_CHANNEL = "C0TOLKEN";
/** What must never reach Slack as markup from a person's text: broadcasts, a ping of the asker, a disguised link. */
const HOSTILE = /<!channel>|<!here>|<!everyone>|<@U0ASKER>|<https:\/\/evil/;

/** Asker and tolk text with Slack markup, through the whole handoff against the fake Slack Web API. */
describe("escaped text and no pings in Slack", () => {
  const slack = new FakeSlackApi();
  let eventsUrl: string;

  const post = (body: string, headers: Record<string, string>) => fetch(eventsUrl, { method: "POST", headers, body });
  const sendEvent = (eventId: string, event: Record<string, unknown>) => {
    const body = JSON.stringify({ token: "legacy", team_id: "T0TEST", api_app_id: "A0TEST", type: "event_callback", event_id: eventId, event_time: 1_700_000_000, event });
    return post(body, signedSlackRequest(SECRET, body));
  };
  const press = (user: string, actionId: string, value: string, container: Record<string, unknown>, channel: string) => {
    const { headers, body } = signedInteraction(SECRET, {
      type: "block_actions", user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: "T0TEST" },
      api_app_id: "A0TEST", token: "legacy", trigger_id: `trigger-${actionId}-${user}-${Math.random()}`, team: { id: "T0TEST", domain: "test" },
      channel: { id: channel, name: "kanaal" }, container: { type: "message", channel_id: channel, ...container }, response_url: "http://127.0.0.1:9/unused",
      actions: [{ action_id: actionId, block_id: "b", type: "button", value, text: { type: "plain_text", text: "x" }, action_ts: "1700000100.000001" }],
    });
    return post(body, headers);
  };
  const waitForPost = async (match: (c: SlackCall) => boolean): Promise<SlackCall> => {
    for (let i = 0; i < 200; i++) {
      const found = slack.callsTo("chat.postMessage").find(match);
      if (found) return found;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no matching post; posts: ${slack.callsTo("chat.postMessage").map((c) => JSON.stringify(c.body.text)).join(" | ")}`);
  };

  slack.userNames.set("U0ASKER", "Sanne de Vries");
  slackAppForTests(slack, {
    roster: "coordinators: [{ id: carla, name: Carla, slack: U0COORD }]\nmembers:\n  - { id: anna, name: Anna, slack: U0ANNA, themes: [vergunningen] }\n",
    env: { WEB_ENABLED: "false", SLACK_HANDOFF_CHANNEL: HANDOFF_CHANNEL, HANDOFF_TICK_SECONDS: "0.1" },
  }, (started) => {
    ({ eventsUrl } = started);
  });

  it("given /vliegwiel with a broadcast and a disguised link, then the echo shows them as text", async () => {
    const body = new URLSearchParams({
      token: "legacy", team_id: "T0TEST", channel_id: "C0VRAGEN", channel_name: "vragen", user_id: "U0ASKER", user_name: "sanne",
      command: "/vliegwiel", text: "<!channel> wat is een burgerbegroting? <https://evil.example|https://gemeente.nl>", response_url: "http://127.0.0.1:9/unused", trigger_id: "t-echo",
    }).toString();
    await post(body, { ...signedSlackRequest(SECRET, body), "content-type": "application/x-www-form-urlencoded" });
    const echo = await waitForPost((c) => String(c.body.text).includes("vraagt:"));
    expect(String(echo.body.text)).toContain("&lt;!channel&gt; wat is een burgerbegroting? &lt;https://evil.example|https://gemeente.nl&gt;");
    expect(String(echo.body.text)).not.toMatch(/<!channel>|<https:\/\/evil/);
  });

  it("given a handoff whose asker and tolk type Slack markup, then no message carries it as markup, and the asker is named without a ping", async () => {
    await sendEvent("EvE1", {
      type: "app_mention", user: "U0ASKER", ts: "1700000300.000100", channel: "C0VRAGEN",
      text: "<@U0BOT> <!here> Hoe vraag ik een evenementenvergunning aan voor ons buurtfeest?",
    });
    let consent: SlackCall | undefined;
    for (let i = 0; i < 200 && !consent; i++) {
      consent = slack.callsTo("chat.postEphemeral").find((c) => c.body.thread_ts === "1700000300.000100");
      if (!consent) await new Promise((r) => setTimeout(r, 50));
    }
    const share = (consent!.body.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).find((b) => b.type === "actions")!.elements![0]!;
    await press("U0ASKER", "vliegwiel_share", share.value, { message_ts: "1700000300.000200", thread_ts: "1700000300.000100", is_ephemeral: true }, "C0VRAGEN");

    const head = await waitForPost((c) => c.body.channel === HANDOFF_CHANNEL && !c.body.thread_ts && String(c.body.text).includes("buurtfeest"));
    expect(String(head.body.text)).toContain("Nieuwe vraag van Sanne de Vries");
    expect(String(head.body.text)).toContain("&lt;!here&gt;");
    expect(JSON.stringify(head.body.blocks)).toContain("<@U0ANNA>"); // Vliegwiel's own mention of the routed tolk stays
    const handoffId = (head.body.blocks as Array<{ type: string; elements?: Array<{ value: string }> }>).find((b) => b.type === "actions")!.elements![0]!.value;
    const threadTs = head.response.ts as string;

    await press("U0ANNA", "vliegwiel_claim", handoffId, { message_ts: threadTs }, HANDOFF_CHANNEL);
    await sendEvent("EvE2", { type: "message", user: "U0ANNA", text: "<!channel> Kijk op <https://evil.example|de site van de gemeente> &amp; bel", ts: "1700000310.000100", thread_ts: threadTs, channel: HANDOFF_CHANNEL, channel_type: "channel" });
    const relayed = await waitForPost((c) => c.body.channel === "C0VRAGEN" && String(c.body.text).startsWith("Antwoord van Anna"));
    // Typed once as "&" (Slack delivers "&amp;"), shown once as "&": escaped exactly once.
    expect(String(relayed.body.text)).toContain("&lt;https://evil.example|de site van de gemeente&gt; &amp; bel");
    const button = (relayed.body.blocks as Array<{ type: string; elements?: Array<{ value: string }> }>).find((b) => b.type === "actions")!.elements![0]!;
    await press("U0ASKER", "vliegwiel_write_to_helper", button.value, { message_ts: relayed.response.ts, thread_ts: "1700000300.000100" }, "C0VRAGEN");
    await waitForPost((c) => String(c.body.text).includes("je volgende bericht gaat naar"));
    await sendEvent("EvE3", { type: "message", user: "U0ASKER", text: "<!everyone> dank! <https://evil.example|kijk hier>", ts: "1700000320.000100", thread_ts: "1700000300.000100", channel: "C0VRAGEN", channel_type: "channel" });
    const echoed = await waitForPost((c) => c.body.channel === HANDOFF_CHANNEL && String(c.body.text).startsWith("De vrager schrijft"));
    expect(String(echoed.body.text)).toBe("De vrager schrijft: &lt;!everyone&gt; dank! &lt;https://evil.example|kijk hier&gt;");

    // Nothing any person typed reached Slack as markup, in any message, top-level text or block (the
    // /vliegwiel echo of the first test names its own asker, in the channel where they asked).
    const calls = [...slack.callsTo("chat.postMessage"), ...slack.callsTo("chat.update"), ...slack.callsTo("chat.postEphemeral")];
    for (const call of calls.filter((c) => !String(c.body.text).includes(" vraagt: "))) {
      expect(JSON.stringify({ text: call.body.text, blocks: call.body.blocks }), String(call.body.text)).not.toMatch(HOSTILE);
    }
  });
});
