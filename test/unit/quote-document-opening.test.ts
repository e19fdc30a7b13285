import { describe, expect, it } from "vitest";
import { composeAnswer } from "../../src/core/answer/compose-answer.js";
import type { SearchTerm } from "../../src/core/retrieval/search-term.js";
import { analyzeQuery, analyzeText } from "../../src/core/text/analyzer.js";
import type { SearchHit } from "../../src/core/types.js";

function piece(documentId: string, ordinal: number, text: string, section?: string): SearchHit {
  return {
    passage: { id: `${documentId}#${ordinal}`, documentId, ordinal, section, text, terms: analyzeText(text) },
    document: { id: documentId, title: `Bewezen aanpak ${documentId}`, kind: "aanpak" },
    score: 1,
  };
}

function termsOf(question: string): SearchTerm[] {
  return analyzeQuery(question).terms.map((t) => ({ term: t.term, word: t.word, df: 3, origin: "typed", prefix: false, weight: 1 }));
}

const question = "wie repareert de fietsen bij het repair café in de Beemd?";
const opening = (documentId: string) => piece(documentId, 0, "Bij het Repair Café De Beemd repareren buren sinds 2018 elke maand fietsen, lampen en kleren voor elkaar.");
const later = piece("repair-beemd", 3, "De fietsen van het Repair Café in de Beemd repareert Kees Bos, die dertig jaar fietsenmaker was.", "Wie doet wat");

describe("a document's opening passage", () => {
  it("given the opening of a document ranked above a later passage of it that holds the question alike, then the later passage is quoted", () => {
    const answer = composeAnswer([opening("repair-beemd"), later], termsOf(question), 100);
    expect(answer.text).toContain("Kees Bos");
  });

  it("given the opening of a document without another passage of it among the hits, then it keeps its rank", () => {
    const elsewhere = piece("fietsenmakers", 3, "De fietsen van het Repair Café in de Beemd repareert Kees Bos, die dertig jaar fietsenmaker was.", "Wie doet wat");
    const answer = composeAnswer([opening("repair-beemd"), elsewhere], termsOf(question), 100);
    expect(answer.sources.map((s) => s.documentId)).toEqual(["repair-beemd"]);
  });
});
