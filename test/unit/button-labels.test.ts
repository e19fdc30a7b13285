import { describe, expect, it } from "vitest";
import { renderDiscordReply } from "../../src/channels/discord/render-discord-reply.js";
import { renderSlackReply } from "../../src/channels/slack/render-slack-reply.js";
import type { Reply } from "../../src/core/reply.js";

function handoffReply(language: "nl" | "en"): Reply {
  return {
    kind: "handoff", decision: "handoff", reason: "not-in-knowledge", text: "…", sources: [], furtherReading: [], passages: [], confidence: 0.1,
    handoffId: "h1", actions: ["share", "share_anonymous", "dont_share"], language,
  };
}

const slackLabels = (reply: Reply) =>
  (renderSlackReply(reply).blocks.find((b) => b.type === "actions") as { elements: Array<{ text: { text: string } }> }).elements.map((e) => e.text.text);
const discordLabels = (reply: Reply) =>
  renderDiscordReply(reply).at(-1)!.components![0]!.components.map((c) => c.label as string);

describe("button labels in the asker's language", () => {
  it("given a reply to an English asker, then the buttons and the handoff line are English on Slack and Discord", () => {
    const reply = handoffReply("en");
    expect(slackLabels(reply)).toEqual(["Yes, share my question", "Share anonymously", "Don't share"]);
    expect(discordLabels(reply)).toEqual(["Yes, share my question", "Share anonymously", "Don't share"]);
    expect(JSON.stringify(renderSlackReply(reply).blocks)).toContain("This question goes to a person");
    expect(renderDiscordReply(reply)[0]!.embeds![0]!.title).toContain("This question goes to a person");
  });

  it("given a reply to a Dutch asker (or one without a language), then they stay Dutch", () => {
    expect(slackLabels(handoffReply("nl"))).toEqual(["Ja, deel mijn vraag", "Deel anoniem", "Niet delen"]);
    expect(discordLabels({ ...handoffReply("nl"), language: undefined })).toEqual(["Ja, deel mijn vraag", "Deel anoniem", "Niet delen"]);
  });
});
