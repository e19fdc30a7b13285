import { describe, expect, it } from "vitest";
import { escapeDiscord } from "../../src/channels/discord/discord-escape.js";
import { chunk } from "../../src/channels/split-text.js";

const unescape = (text: string) => text.replace(/\\(.)/g, "$1");
/** An odd run of backslashes at a piece's end: an escape cut in two. */
const endsMidEscape = (piece: string) => (/\\+$/.exec(piece)?.[0].length ?? 0) % 2 === 1;

describe("escaped Discord text in pieces", () => {
  it("given text without spaces full of escaped characters, then no piece ends inside an escape and nothing is lost", () => {
    const typed = "*_~`|>#[]-\\".repeat(300);
    for (const limit of [9, 10, 11, 2000]) {
      const pieces = chunk(escapeDiscord(typed), limit);
      for (const piece of pieces) {
        expect(piece.length).toBeLessThanOrEqual(limit);
        expect(endsMidEscape(piece)).toBe(false);
      }
      expect(pieces.map(unescape).join("")).toBe(typed);
    }
  });

  it("given words, then it cuts at spaces and only the space at a cut goes", () => {
    const typed = "Het gaat om *het* plein_achter de kerk. " + "We willen *2* tenten_en_kramen; ".repeat(80) + "SLOTWOORD";
    const pieces = chunk(escapeDiscord(typed), 2000);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => p.length <= 2000 && !p.startsWith(" ") && !endsMidEscape(p))).toBe(true);
    expect(pieces.map(unescape).join(" ").replace(/\s+/g, " ")).toBe(typed.replace(/\s+/g, " ").trim());
  });

  it("given emoji without spaces, then no piece splits one", () => {
    const typed = "🚲".repeat(30);
    const pieces = chunk(typed, 7);
    expect(pieces.join("")).toBe(typed);
    expect(pieces.every((p) => !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});

describe("Discord messages that carry a person's text", () => {
  const longQuestion = "Hoe *starten* we een buurt_bus? ".repeat(80) + "LAATSTE-VRAAGWOORD";

  it("given an introduction request with a long question, then it is several messages within 2000 characters, the buttons and the handle intact", async () => {
    const { introMessages } = await import("../../src/channels/discord/intro-message.js");
    const messages = introMessages(`Hallo \u0000C\u0000! Iemand zoekt contact over:\n“${longQuestion}”\n\nWil je in contact komen?`, ["intro_accept", "intro_decline"], "intro-1", { "\u0000C\u0000": "<@960000000000000012>" });
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.every((m) => m.content!.length <= 2000 && !endsMidEscape(m.content!) && m.allowed_mentions.parse.length === 0)).toBe(true);
    expect(messages[0]!.content).toContain("<@960000000000000012>");
    expect(messages.slice(0, -1).every((m) => !m.components)).toBe(true);
    expect(JSON.stringify(messages.at(-1)!.components)).toContain("vw:intro_accept:intro-1");
    const joined = unescape(messages.map((m) => m.content).join(" ")).replace(/\s+/g, " ");
    expect(joined).toContain(longQuestion.replace(/\s+/g, " ").trim());
    expect(joined).toContain("Wil je in contact komen?");
  });

  it("given a long report (the signals), then it is several plain messages, in order, nothing cut", async () => {
    const { plainMessages } = await import("../../src/channels/discord/render-discord-reply.js");
    const report = Array.from({ length: 120 }, (_, i) => `- Vraag ${i}: *geen* antwoord_gevonden`).join("\n") + "\nEINDE-RAPPORT";
    const messages = plainMessages(report);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.every((m) => m.content!.length <= 2000 && !endsMidEscape(m.content!))).toBe(true);
    expect(unescape(messages.map((m) => m.content).join("\n"))).toBe(report);
  });
});
