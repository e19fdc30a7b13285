import { describe, expect, it } from "vitest";
import { introMessageBlocks } from "../../src/channels/slack/slack-intro-sink.js";
import { escapeSlack } from "../../src/channels/slack/slack-escape.js";
import { SLACK_SECTION_LIMIT } from "../../src/channels/slack/slack-limits.js";

type Block = { type: string; text?: { text: string } };

describe("an introduction request's blocks in Slack", () => {
  it("given a request with a long question (MAX_QUESTION_CHARS above 2 000, or a question full of & and <), then all of it is in sections within Slack's limit, never cut inside an escape, the buttons under it", () => {
    const question = `Hoe delen we een bus & een aanhanger <met de buren>? ${"Wij zoeken hulp bij R&D voor de buurtbus & de deelauto. ".repeat(70)}`;
    const text = escapeSlack(`Hallo Kees! Iemand uit het netwerk zoekt contact met Dorpshuis De Schakel over deze vraag:\n“${question}”\n\nWil je in contact komen?`);
    const blocks = introMessageBlocks(text, ["intro_accept", "intro_decline"], "intro-1") as Block[];
    const sections = blocks.filter((b) => b.type === "section").map((b) => b.text!.text);
    expect(text.length).toBeGreaterThan(SLACK_SECTION_LIMIT);
    // Cut at a space or line end (split-text.ts), so the whitespace between sections may differ; every word is there.
    expect(sections.join(" ").split(/\s+/)).toEqual(text.split(/\s+/));
    for (const section of sections) {
      expect(section.length).toBeLessThanOrEqual(SLACK_SECTION_LIMIT);
      expect(section).not.toMatch(/&[a-z]{0,3}$/);
    }
    expect(blocks.at(-1)!.type).toBe("actions");
  });
});
