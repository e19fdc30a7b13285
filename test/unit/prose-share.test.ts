import { describe, expect, it } from "vitest";
import { sentencesOf } from "../../src/core/retrieval/passage-sentences.js";
import { proseShare } from "../../src/eval/prose-share.js";
import { analyzeText } from "../../src/core/text/analyzer.js";
import type { SearchHit } from "../../src/core/types.js";

function hit(id: string, text: string): SearchHit {
  return { passage: { id, documentId: "doc", ordinal: 0, text, terms: analyzeText(text) }, document: { id: "doc", title: "Doc", kind: "verslag" }, score: 0 };
}

describe("proseShare: how much of a passage is written in whole sentences", () => {
  it("reads a passage of whole sentences as prose", () => {
    const text =
      "De werkgroep van de speeltuin kwam elke maand bij elkaar in het buurthuis.\n" +
      "Omdat de subsidie laat kwam, betaalden de ouders de nieuwe schommel zelf.";
    expect(proseShare(sentencesOf(hit("prose", text)))).toBe(1);
  });

  it("reads a slide of loose words and names as keyword soup", () => {
    const text = "Repair Café\n\nVoedselbank\n\nBuurtbus   Moestuin\n\nDeelauto\n\nWijkfonds Oost\n\n* 12 buurten, veel initiatief";
    expect(proseShare(sentencesOf(hit("slide", text)))).toBeLessThan(0.3);
  });

  it("counts only the whole sentences of a passage that mixes a list of names with prose", () => {
    const text = "Bewoners zetten het fonds op om kleine plannen in de wijk snel te kunnen betalen.\n\nWerkgroep: Anna, Piet, Joris";
    const share = proseShare(sentencesOf(hit("mixed", text)));
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(1);
  });

  it("gives an empty passage no prose", () => {
    expect(proseShare([])).toBe(0);
  });
});
