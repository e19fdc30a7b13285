import { describe, expect, it } from "vitest";
import { renderSlackReply } from "../../src/channels/slack/render-slack-reply.js";

describe("a Slack reply's notification text", () => {
  it("given a long answer with an & near Slack's 3 000 characters, then the notification is cut before the escape, not inside it (&am)", () => {
    const text = `${"Het dorpshuis organiseert een koffieochtend. ".repeat(70).slice(0, 2998)}& thee, R&D en meer tekst daarna.`;
    const { text: notification } = renderSlackReply({ kind: "answer", decision: "answer", reason: "x", text, sources: [], furtherReading: [], passages: [], confidence: 1 });
    expect(notification.length).toBeLessThanOrEqual(3000);
    expect(notification).not.toMatch(/&[a-z]{0,3}$/);
    expect(notification).not.toMatch(/&(?!amp;|lt;|gt;)/);
  });
});
