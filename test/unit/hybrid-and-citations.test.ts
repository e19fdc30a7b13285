import { describe, expect, it } from "vitest";
import { citeGeneratedAnswer } from "../../src/core/answer/cite-generated-answer.js";
import { reciprocalRankFusion } from "../../src/core/retrieval/hybrid-retrieve.js";
import type { SearchHit } from "../../src/core/types.js";

const hit = (id: string, title: string, section: string): SearchHit => ({
  passage: { id, documentId: title, ordinal: 0, section, text: "…", terms: [] },
  document: { id: title, title, kind: "verslag" },
  score: 1,
});

describe("reciprocal rank fusion", () => {
  it("given two rankings, then what both rank high comes first, and one list alone still counts", () => {
    const fused = reciprocalRankFusion([["a", "b", "c"], ["b", "d", "a"]]).map((f) => f.id);
    expect(fused.slice(0, 2)).toEqual(["b", "a"]);
    expect(fused).toContain("d");
    expect(fused).toHaveLength(4);
  });
});

describe("citations of a generated answer", () => {
  const hits = [hit("v#1", "Verslag", "Geld"), hit("v#2", "Verslag", "Geld"), hit("t#1", "Toolkit", "Vrijwilligers")];

  it("given passages of one source cited apart, then they share one number, in order of first use", () => {
    const cited = citeGeneratedAnswer({ answer: "Vrijwilligers blijven [3]. Geld komt van fondsen [2][1].", cited: [3, 2, 1], answerable: true }, hits)!;
    expect(cited.sources.map((s) => s.label)).toEqual(["Toolkit — Vrijwilligers", "Verslag — Geld"]);
    expect(cited.text).toContain("Vrijwilligers blijven [1]. Geld komt van fondsen [2].");
  });

  it("given only numbers outside the passages, or answerable false, then there is no answer to show", () => {
    expect(citeGeneratedAnswer({ answer: "Zeker [7].", cited: [7, 0, -1], answerable: true }, hits)).toBeUndefined();
    expect(citeGeneratedAnswer({ answer: "Zie [1].", cited: [1], answerable: false }, hits)).toBeUndefined();
  });

  it("given a cited number the text does not mark, then it is still listed as a source", () => {
    const cited = citeGeneratedAnswer({ answer: "Vraag het fonds.", cited: [3], answerable: true }, hits)!;
    expect(cited.sources).toHaveLength(1);
    expect(cited.text).toMatch(/Bronnen:\n\[1\] Toolkit — Vrijwilligers/);
  });
});
