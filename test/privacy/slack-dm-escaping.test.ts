import { describe, expect, it } from "vitest";
import { FakeSlackApi, signedInteraction, signedSlackRequest } from "../fakes/fake-slack-api.js";
import { eventually, slackCommand, viewSubmission } from "../helpers/intro-flow.js";
import { slackAppForTests } from "../helpers/slack-app.js";
import { eventCallback, ROSTER_YAML, SLACK_SECRET } from "../helpers/slack-flow.js";

/** Slack markup typed by a person: it must show as typed in Vliegwiel's DMs, never as a link or a broadcast. */
const HOSTILE = /<!channel>|<!here>|<https:\/\/evil/;

describe("escaped text in Slack DMs (profile saved, shared file)", () => {
  const slack = new FakeSlackApi();
  let eventsUrl: string;
  const dmTexts = (channel: string) => slack.callsTo("chat.postMessage").filter((c) => c.body.channel === channel).map((c) => String(c.body.text));

  slackAppForTests(slack, { roster: ROSTER_YAML, env: { WEB_ENABLED: "false" } }, (started) => {
    ({ eventsUrl } = started);
  });

  it("given an initiative named like a disguised link, then the 'saved' DM shows the name as typed", async () => {
    await slackCommand(eventsUrl, SLACK_SECRET, "U0MARIEKE", "/vliegwiel", "initiatief", "trig-esc-1", signedSlackRequest);
    const opened = await eventually(() => slack.callsTo("views.open").find((c) => c.body.trigger_id === "trig-esc-1"), "views.open");
    const { headers, body } = signedInteraction(SLACK_SECRET, viewSubmission("U0MARIEKE", opened.body.view as Record<string, unknown>, {
      name: "<https://evil.example|klik> <!channel>", place: "Zeewolde", municipality: "Zeewolde", province: "Flevoland", themes: "energie",
      description: "Wij leggen zonnepanelen op daken van boeren.",
    }));
    await fetch(eventsUrl, { method: "POST", headers, body });
    const saved = await eventually(() => dmTexts("DU0MARIEKE").find((t) => t.includes("initiatievengids")), "the saved message");
    expect(saved).not.toMatch(HOSTILE);
    expect(saved).toContain("&lt;https://evil.example|klik&gt; &lt;!channel&gt;");
  });

  it("given a coordinator shares a file whose name holds Slack markup, then every DM about it shows the name as typed", async () => {
    const file = slack.shareFile("F0ESC", "<!channel>-notulen.md", Buffer.from("# Notulen\n\nDe buurtkast wordt elke maand gevuld.\n"));
    const event = { type: "message", subtype: "file_share", user: "U0COORD", text: "", ts: "1700600000.000100", channel: "D0COORDESC", channel_type: "im", files: [file] };
    const payload = JSON.stringify(eventCallback("EvEscFile", event));
    await fetch(eventsUrl, { method: "POST", headers: signedSlackRequest(SLACK_SECRET, payload), body: payload });
    await eventually(() => (dmTexts("D0COORDESC").length >= 2 ? true : undefined), "the file's messages");
    for (const text of dmTexts("D0COORDESC")) expect(text).not.toMatch(HOSTILE);
    expect(dmTexts("D0COORDESC")[0]).toContain("&lt;!channel&gt;-notulen.md");
  });
});
