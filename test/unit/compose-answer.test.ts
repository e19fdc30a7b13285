import { describe, expect, it } from "vitest";
import { composeAnswer } from "../../src/core/answer/compose-answer.js";
import type { SearchTerm } from "../../src/core/retrieval/search-term.js";
import { analyzeQuery, analyzeText } from "../../src/core/text/analyzer.js";
import type { SearchHit } from "../../src/core/types.js";

/** A passage of a document of this test's own, as retrieval hands it over. */
function hit(id: string, text: string, section?: string): SearchHit {
  return {
    passage: { id: `${id}#0`, documentId: id, ordinal: 0, section, text, terms: analyzeText(text) },
    document: { id, title: `Verslag ${id}`, kind: "verslag" },
    score: 1,
  };
}

/** The question's typed terms, each as if it were in a few of a hundred passages. */
function termsOf(question: string): SearchTerm[] {
  return analyzeQuery(question).terms.map((t) => ({ term: t.term, word: t.word, df: 3, origin: "typed", prefix: false, weight: 1 }));
}

describe("the offline answer's quote", () => {
  it("given a heading line inside the text, then the quote goes on with what follows it", () => {
    const text = [
      "Er kwam veel ter sprake op de avond, van de speeltuin tot de toekomst van de bibliotheek.",
      "",
      "Het Dorpsfonds van Oosterwolde",
      "",
      "Bewoners en ondernemers storten elk jaar samen een bedrag in de pot. Een commissie van vijf dorpsgenoten verdeelt het over kleine plannen.",
    ].join("\n");
    const answer = composeAnswer([hit("dorpsavond", text)], termsOf("Hoe werkt het dorpsfonds van Oosterwolde?"), 100);
    expect(answer.text).toContain("storten elk jaar samen een bedrag");
  });

  it("given a numbered list announced in a sentence, then the quote holds the items, not just the number", () => {
    const text = "Het traject van de werkgroep gaat over: 1. Wie beheert de sleutel van de schuur? 2. Wie maakt het rooster van de vrijwilligers?";
    const answer = composeAnswer([hit("werkgroep", text)], termsOf("Waar gaat het traject van de werkgroep over?"), 100);
    expect(answer.text).toContain("Wie beheert de sleutel");
  });
});
