import { describe, expect, it } from "vitest";
import { escapeDiscord } from "../../src/channels/discord/discord-escape.js";
import { escapeSlack, slackMention } from "../../src/channels/slack/slack-escape.js";

const HOSTILE = "Hoi <!channel> <!here> <@U0ANNA> kijk <https://evil.example|https://gemeente.nl> & [bank](https://evil.example) @everyone # Kop";

describe("one escaping function per platform", () => {
  it("given hostile text for Slack, then no mention, broadcast or disguised link survives, and it reads as typed", () => {
    const escaped = escapeSlack(HOSTILE);
    expect(escaped).not.toMatch(/<[!@#]|<https?:/);
    expect(escaped).toBe("Hoi &lt;!channel&gt; &lt;!here&gt; &lt;@U0ANNA&gt; kijk &lt;https://evil.example|https://gemeente.nl&gt; &amp; [bank](https://evil.example) @everyone # Kop");
  });

  it("given a Slack user id, then Vliegwiel's own mention is made; given typed text, none", () => {
    expect(slackMention("U0ANNA")).toBe("<@U0ANNA>");
    expect(slackMention("!channel")).toBeUndefined();
    expect(slackMention("U0> <!channel")).toBeUndefined();
  });

  it("given hostile text for Discord, then no masked link, broadcast or heading survives", () => {
    const escaped = escapeDiscord(HOSTILE);
    expect(escaped).not.toMatch(/(?<!\\)\[bank(?<!\\)\]/);
    expect(escaped).toContain("\\[bank\\](https://evil.example)");
    expect(escaped).not.toMatch(/@everyone|@here/);
    expect(escaped).toContain("\\# Kop");
  });
});
