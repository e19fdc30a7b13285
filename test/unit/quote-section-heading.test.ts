import { describe, expect, it } from "vitest";
import { composeAnswer } from "../../src/core/answer/compose-answer.js";
import type { SearchTerm } from "../../src/core/retrieval/search-term.js";
import { analyzeQuery, analyzeText } from "../../src/core/text/analyzer.js";
import type { SearchHit } from "../../src/core/types.js";

function hit(documentId: string, text: string, section?: string): SearchHit {
  return {
    passage: { id: `${documentId}#0`, documentId, ordinal: 0, section, text, terms: analyzeText(text) },
    document: { id: documentId, title: `Handleiding ${documentId}`, kind: "handleiding" },
    score: 1,
  };
}

function termsOf(question: string): SearchTerm[] {
  return analyzeQuery(question).terms.map((t) => ({ term: t.term, word: t.word, df: 3, origin: "typed", prefix: false, weight: 1 }));
}

describe("the heading a passage stands under", () => {
  const question = "waar moet je op letten bij een stuk grond voor een moestuin van de buurt?";
  // Rank 1: a report that mentions the words in passing.
  const report = hit("verslag", "De vereniging kreeg in 2021 een stuk grond van de gemeente en zaaide er meteen bonen.", "Terugblik");
  // Rank 2: the toolkit's section on what to mind, whose sentences do not repeat what the heading says.
  const toolkit = (section?: string) => hit("toolkit", "Op oude bedrijfsterreinen is de grond voor een moestuin vaak vervuild, en de buurt merkt dat pas bij het eerste bodemonderzoek.", section);

  it("given two passages whose sentences hold the question alike, then the one under a heading naming what was asked is quoted", () => {
    const answer = composeAnswer([report, toolkit("Let hierop bij het kiezen van een stuk grond voor de moestuin")], termsOf(question), 100);
    expect(answer.sources.map((s) => s.documentId)).toEqual(["toolkit"]);
    expect(answer.text).toContain("vaak vervuild");
  });

  it("given the same passage under a heading that names nothing asked, then the better-ranked passage is quoted", () => {
    const answer = composeAnswer([report, toolkit("Bijlage 2")], termsOf(question), 100);
    expect(answer.sources.map((s) => s.documentId)).toEqual(["verslag"]);
  });
});
