import { describe, expect, it } from "vitest";
import { asksItself, rescore } from "../../src/core/retrieval/rescore.js";
import type { SearchTerm } from "../../src/core/retrieval/search-term.js";
import { analyzeQuery, analyzeText } from "../../src/core/text/analyzer.js";
import type { SearchHit } from "../../src/core/types.js";

function hit(id: string, text: string): SearchHit {
  return { passage: { id: `${id}#0`, documentId: id, ordinal: 0, text, terms: analyzeText(text) }, document: { id, title: `Notitie ${id}`, kind: "verslag" }, score: 0 };
}

function termsOf(question: string): SearchTerm[] {
  return analyzeQuery(question).terms.map((t) => ({ term: t.term, word: t.word, df: 2, origin: "typed", prefix: false, weight: 1 }));
}

describe("a document's own questions do not answer a question", () => {
  it("given sentences, then those ending in a question mark ask", () => {
    expect(asksItself("Hoe vinden we nieuwe chauffeurs?")).toBe(true);
    expect(asksItself("**Wie betaalt de brandstof?**")).toBe(true);
    expect(asksItself("“Wat doen we met de bus?”")).toBe(true);
    expect(asksItself("De vereniging vindt chauffeurs via de dorpskrant.")).toBe(false);
  });

  it("given an agenda that asks the question and a report that answers it, then the answer ranks first by its sentences", () => {
    const agenda = hit("agenda", [
      "Agenda van de ledenvergadering van de buurtbus.",
      "Hoe vinden we nieuwe chauffeurs voor de buurtbus?",
      "Hoe houden we de chauffeurs van de buurtbus?",
      "Rondvraag en sluiting.",
    ].join("\n"));
    const report = hit("verslag", [
      "Het bestuur heeft dit jaar veel werk verzet voor de vereniging en haar leden in de dorpen.",
      "Nieuwe chauffeurs vinden we met een oproep in de dorpskrant en een meeloopdag op de buurtbus.",
      "Daarnaast is de dienstregeling aangepast aan de markt op zaterdag en de bibliotheek in het dorpshuis.",
    ].join("\n"));
    const terms = termsOf("Hoe vinden we nieuwe chauffeurs voor de buurtbus?");
    const options = { passageCount: 100, averageLength: 20, keep: 10 };
    const byWords = rescore([agenda, report], terms, { ...options, windowWeight: 0 });
    expect(byWords[0]!.passage.documentId).toBe("agenda");
    const bySentences = rescore([agenda, report], terms, { ...options, windowWeight: 1 });
    expect(bySentences[0]!.passage.documentId).toBe("verslag");
  });
});
