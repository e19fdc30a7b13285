import { describe, expect, it } from "vitest";
import { escapeDiscord } from "../../src/channels/discord/discord-escape.js";
import { chunkEscaped } from "../../src/channels/discord/escaped-chunks.js";

const unescape = (text: string) => text.replace(/\\(.)/g, "$1");
/** An odd run of backslashes at a piece's end: an escape cut in two. */
const endsMidEscape = (piece: string) => (/\\+$/.exec(piece)?.[0].length ?? 0) % 2 === 1;

describe("escaped Discord text in pieces", () => {
  it("given text without spaces full of escaped characters, then no piece ends inside an escape and nothing is lost", () => {
    const typed = "*_~`|>#[]-\\".repeat(300);
    for (const limit of [9, 10, 11, 2000]) {
      const pieces = chunkEscaped(escapeDiscord(typed), limit);
      for (const piece of pieces) {
        expect(piece.length).toBeLessThanOrEqual(limit);
        expect(endsMidEscape(piece)).toBe(false);
      }
      expect(pieces.map(unescape).join("")).toBe(typed);
    }
  });

  it("given words, then it cuts at spaces and only the space at a cut goes", () => {
    const typed = "Het gaat om *het* plein_achter de kerk. " + "We willen *2* tenten_en_kramen; ".repeat(80) + "SLOTWOORD";
    const pieces = chunkEscaped(escapeDiscord(typed), 2000);
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.every((p) => p.length <= 2000 && !p.startsWith(" ") && !endsMidEscape(p))).toBe(true);
    expect(pieces.map(unescape).join(" ").replace(/\s+/g, " ")).toBe(typed.replace(/\s+/g, " ").trim());
  });

  it("given emoji without spaces, then no piece splits one", () => {
    const typed = "🚲".repeat(30);
    const pieces = chunkEscaped(typed, 7);
    expect(pieces.join("")).toBe(typed);
    expect(pieces.every((p) => !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});
