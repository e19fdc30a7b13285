import { describe, expect, it } from "vitest";
import { composeAnswer } from "../../src/core/answer/compose-answer.js";
import { questionForm } from "../../src/core/answer/answer-shape.js";
import { asksYesNo } from "../../src/core/answer/yes-no.js";
import type { SearchTerm } from "../../src/core/retrieval/search-term.js";
import { analyzeQuery, analyzeText } from "../../src/core/text/analyzer.js";
import type { SearchHit } from "../../src/core/types.js";

/** A passage of a document of this test's own, as retrieval hands it over. */
function hit(id: string, text: string): SearchHit {
  return {
    passage: { id: `${id}#0`, documentId: id, ordinal: 0, text, terms: analyzeText(text) },
    document: { id, title: `Verslag ${id}`, kind: "verslag" },
    score: 1,
  };
}

/** The question's typed terms, each as if it were in a few of a hundred passages. */
function termsOf(question: string): SearchTerm[] {
  return analyzeQuery(question).terms.map((t) => ({ term: t.term, word: t.word, df: 3, origin: "typed", prefix: false, weight: 1 }));
}

describe("the quote for a question asking yes or no", () => {
  it("given two sentences holding the question's words alike, then the one that says on which condition is quoted", () => {
    const text = [
      "Het taalcafé in de bibliotheek is elke dinsdagavond, en iedereen die Nederlands wil oefenen schuift aan bij een van de tafels met een vrijwilliger als gespreksleider.",
      "De gespreksleiders zijn vrijwilligers die zelf ooit Nederlands hebben geleerd of die lang in het onderwijs hebben gewerkt.",
      "Na afloop drinken we samen thee en wie wil, kan nog een spelletje doen met de anderen.",
      "Kinderen mogen alleen in het taalcafé als er een ouder bij blijft.",
    ].join(" ");
    const question = "mogen kinderen mee naar het taalcafé in de bibliotheek?";
    const answer = composeAnswer([hit("taalcafe", text)], termsOf(question), 100, { question, form: questionForm(question) });
    expect(answer.text).toContain("Kinderen mogen alleen in het taalcafé als er een ouder bij blijft.");
  });

  it("a question opening with a verb, in any of its parts, asks yes or no; one asking what, why or how does not", () => {
    expect(asksYesNo("Is de gemeente verplicht om mee te werken?")).toBe(true);
    expect(asksYesNo("mijn kleinzoon heeft net zijn rijbewijs, mag hij ook in de dorpsauto rijden?")).toBe(true);
    expect(asksYesNo("wat is het verschil tussen een stichting en een vereniging?")).toBe(false);
    expect(asksYesNo("hoe vinden we nieuwe vrijwilligers?")).toBe(false);
  });
});
