import { describe, expect, it } from "vitest";
import { composeAnswer } from "../../src/core/answer/compose-answer.js";
import type { SearchTerm } from "../../src/core/retrieval/search-term.js";
import { analyzeQuery, analyzeText } from "../../src/core/text/analyzer.js";
import type { SearchHit } from "../../src/core/types.js";

function hit(id: string, text: string, section: string): SearchHit {
  return {
    passage: { id: `${id}#0`, documentId: id, ordinal: 0, section, text, terms: analyzeText(text) },
    document: { id, title: `Aanpak ${id}`, kind: "bewezen-aanpak" },
    score: 1,
  };
}

function termsOf(question: string): SearchTerm[] {
  return analyzeQuery(question).terms.map((t) => ({ term: t.term, word: t.word, df: 3, origin: "typed", prefix: false, weight: 1 }));
}

const PITFALLS = [
  "### Valkuilen",
  "",
  "- Te snel groeien: in 2022 kwamen er op een avond vijftig mensen en waren er te weinig vrijwilligers. Sindsdien is er een wachtlijst.",
  "",
  "- Alles op een paar schouders leggen. Toen de coördinator een half jaar ziek was, lag het repaircafé bijna stil.",
  "",
  "- Verwachten dat de gemeente alles regelt. De subsidie van de gemeente is welkom, maar het repaircafé draait op de inzet van bewoners.",
].join("\n");

describe("a quote inside the bulleted list a passage is", () => {
  it("given a question whose words stand in the last items of the list, then the quote takes the items before them", () => {
    const answer = composeAnswer([hit("repaircafe", PITFALLS, "Valkuilen")], termsOf("moet de gemeente het repaircafé regelen?"), 100);
    expect(answer.text).toContain("Verwachten dat de gemeente alles regelt.");
    expect(answer.text).toContain("Te snel groeien:");
  });

  it("given a list after a paragraph of its own, then the quote does not run back into it", () => {
    const text = ["### Valkuilen", "", "Het repaircafé bestaat sinds 2015 en draait elke maand in het buurthuis aan de Kerkstraat.", "", PITFALLS.split("\n").slice(2).join("\n")].join("\n");
    const answer = composeAnswer([hit("repaircafe", text, "Valkuilen")], termsOf("moet de gemeente het repaircafé regelen?"), 100);
    expect(answer.text).toContain("Verwachten dat de gemeente alles regelt.");
    expect(answer.text).not.toContain("Te snel groeien:");
  });
});
