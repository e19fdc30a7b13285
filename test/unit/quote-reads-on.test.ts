import { describe, expect, it } from "vitest";
import { composeAnswer } from "../../src/core/answer/compose-answer.js";
import type { SearchTerm } from "../../src/core/retrieval/search-term.js";
import { analyzeQuery, analyzeText } from "../../src/core/text/analyzer.js";
import type { SearchHit } from "../../src/core/types.js";

/** Passage `ordinal` of a document of this test's own, as retrieval hands it over. */
function piece(documentId: string, ordinal: number, text: string, section?: string): SearchHit {
  return {
    passage: { id: `${documentId}#${ordinal}`, documentId, ordinal, section, text, terms: analyzeText(text) },
    document: { id: documentId, title: `Jaarverslag ${documentId}`, kind: "verslag" },
    score: 1,
  };
}

function termsOf(question: string): SearchTerm[] {
  return analyzeQuery(question).terms.map((t) => ({ term: t.term, word: t.word, df: 3, origin: "typed", prefix: false, weight: 1 }));
}

const quoteOf = (text: string) => text.split("\n\n")[0]!;

describe("a quote that reads on past the end of its passage", () => {
  const section = "Terugblik";
  const first = piece("speeltuin-beemd", 4, [
    "Het bestuur kwam in december bij elkaar om terug te kijken op het jaar.",
    "Er kwamen zes buren op af, en de wethouder stuurde een kaartje.",
    "Voor andere buurten die een speeltuin willen beheren, heeft de speeltuinvereniging drie lessen op papier gezet:",
  ].join(" "), section);
  const second = piece("speeltuin-beemd", 5, [
    "Voor andere buurten die een speeltuin willen beheren, heeft de speeltuinvereniging drie lessen op papier gezet:",
    "",
    "- Begin met één toestel en breid pas uit als er genoeg vrijwilligers zijn.",
    "- Vraag de gemeente schriftelijk wie de keuring van de toestellen betaalt.",
    "- Laat de kinderen zelf meebeslissen over de inrichting.",
  ].join("\n"), section);
  const question = "welke lessen heeft de speeltuinvereniging op papier gezet voor andere buurten?";

  it("given a passage that ends on the line announcing a list and the next passage of the document holding the list, then the quote holds the list's items, once", () => {
    const answer = composeAnswer([first, piece("elders", 0, "In Oosterpark beheert de gemeente de speeltuin zelf."), second], termsOf(question), 100);
    const quote = quoteOf(answer.text);
    expect(quote).toContain("drie lessen op papier gezet:");
    expect(quote).toContain("Begin met één toestel");
    expect(quote).toContain("Laat de kinderen zelf meebeslissen");
    expect(quote.split("drie lessen op papier gezet").length).toBe(2);
    expect(answer.sources.map((s) => s.documentId)).toEqual(["speeltuin-beemd"]);
  });

  it("given the next passage under another heading, then the quote does not read on into it", () => {
    const other = piece("speeltuin-beemd", 5, "- Begin met één toestel en breid pas uit als er genoeg vrijwilligers zijn.\n- Laat de kinderen zelf meebeslissen.", "Financiën");
    const quote = quoteOf(composeAnswer([first, other], termsOf(question), 100).text);
    expect(quote).toContain("drie lessen op papier gezet:");
    expect(quote).not.toContain("Begin met één toestel");
  });
});

describe("a line in italics that announces what follows", () => {
  it("given a sentence and after it an italic line ending in a colon that opens a list, then the quote runs on to the list", () => {
    const text = [
      "Jongeren doen graag mee aan een buurtinitiatief als ze er snel resultaat van zien.",
      "",
      "*Voorbeelden van acties op dit punt:*",
      "",
      "- Vraag jongeren voor één klus, zoals het schilderen van de bankjes.",
      "- Geef ze een eigen budget voor een zomeractiviteit.",
    ].join("\n");
    const quote = quoteOf(composeAnswer([piece("jongeren", 0, text)], termsOf("hoe krijg je jongeren mee in een buurtinitiatief?"), 100).text);
    expect(quote).toContain("Vraag jongeren voor één klus");
  });
});

describe("a short quote at the end of its passage", () => {
  it("given the matching sentence last in its passage, then the quote takes the sentence before it, which says who is meant", () => {
    const text = [
      "De buurtvereniging organiseert elk voorjaar een klusdag.",
      "Voor het zware werk heb je een vaste klusser nodig, iemand met een busje en een ladder.",
      "In de Beemd schildert hij ook de toestellen van de speeltuin.",
    ].join(" ");
    const quote = quoteOf(composeAnswer([piece("klusdag", 0, text)], termsOf("wie schildert de toestellen van de speeltuin in de Beemd?"), 100).text);
    expect(quote).toContain("In de Beemd schildert hij ook de toestellen");
    expect(quote).toContain("heb je een vaste klusser nodig");
  });
});
