import { describe, expect, it } from "vitest";
import { composeAnswer } from "../../src/core/answer/compose-answer.js";
import { announcedCount } from "../../src/core/answer/counted-list.js";
import type { SearchTerm } from "../../src/core/retrieval/search-term.js";
import { analyzeQuery, analyzeText } from "../../src/core/text/analyzer.js";
import type { SearchHit } from "../../src/core/types.js";

function hit(id: string, text: string): SearchHit {
  return {
    passage: { id: `${id}#0`, documentId: id, ordinal: 0, text, terms: analyzeText(text) },
    document: { id, title: `Aanpak ${id}`, kind: "bewezen-aanpak" },
    score: 1,
  };
}

function termsOf(question: string): SearchTerm[] {
  return analyzeQuery(question).terms.map((t) => ({ term: t.term, word: t.word, df: 3, origin: "typed", prefix: false, weight: 1 }));
}

/** Three ways, each a label and an explanation of two or three sentences: longer than 900 characters in all. */
const THREE_WAYS = [
  "De buurtcoöperatie in Ommelanden helpt ouderen die alleen wonen.",
  "Dat doen we op drie manieren:",
  "",
  "1. Ogen en oren in het dorp. Wij signaleren via de kapper, de apotheek, de supermarkt en de postbode wie het moeilijk heeft. Zij geven dat, met toestemming van die persoon, door aan de dorpsondersteuner. Die gaat dan op bezoek en kijkt samen wat nodig is. Soms is een kop koffie al genoeg om het gesprek op gang te brengen.",
  "",
  "2. Halen en brengen. Vrijwilligers rijden ouderen naar de huisarts, het ziekenhuis en de markt in de stad. In de auto komt vaak het echte verhaal op tafel, zeggen de chauffeurs. Een rit kost een kleine vergoeding voor de benzine. De planning van de ritten doet een vrijwilliger vanuit het dorpshuis.",
  "",
  "3. Samen aan tafel. Elke donderdag koken vrijwilligers een warme maaltijd in het dorpshuis voor iedereen die wil aanschuiven. Dat bezoek is vrijblijvend en vaak het begin van nieuwe vriendschappen. Daarbij schuiven ook jongeren uit het dorp aan.",
  "",
  "De gemeente betaalt sinds 2022 de helft van de kosten van de dorpsondersteuner uit het sociaal domein, en de zorgverzekeraar de rest.",
].join("\n");

describe("a list announced with a count", () => {
  it("given three ways each with a label and an explanation, longer than a quote's usual 900 characters, then the quote holds all three, each whole, and stops after the third", () => {
    const answer = composeAnswer([hit("ommelanden", THREE_WAYS)], termsOf("op welke manieren helpt de buurtcoöperatie ouderen?"), 100, { list: true });
    expect(answer.text).toContain("Dat doen we op drie manieren:");
    expect(answer.text).toContain("Ogen en oren in het dorp.");
    expect(answer.text).toContain("De planning van de ritten doet een vrijwilliger vanuit het dorpshuis");
    expect(answer.text).toContain("Daarbij schuiven ook jongeren uit het dorp aan.");
    expect(answer.text).toContain("Dat bezoek is vrijblijvend en vaak het begin van nieuwe vriendschappen.");
    expect(answer.text).not.toContain("De gemeente betaalt sinds 2022");
    expect(answer.text).not.toContain("…");
    expect(/“([\s\S]*)”/.exec(answer.text)![1]!.length).toBeGreaterThan(900);
  });

  it("given a counted list too long to quote whole, then the quote is cut as any other list (no longer than 900 characters)", () => {
    const long = THREE_WAYS.replace(/(Die gaat dan op bezoek[^.]*\.)/, "$1 ".repeat(12));
    const answer = composeAnswer([hit("ommelanden", long)], termsOf("op welke manieren helpt de buurtcoöperatie ouderen?"), 100, { list: true });
    const quote = /“([\s\S]*)”/.exec(answer.text)![1]!;
    expect(quote).toContain("Ogen en oren in het dorp.");
    expect(quote).not.toContain("Samen aan tafel.");
    expect(quote.length).toBeLessThanOrEqual(902);
  });

  it("given a question whose words stand in the last item of a counted list, then the quote is the whole list from its announcement", () => {
    const answer = composeAnswer([hit("ommelanden", THREE_WAYS)], termsOf("hoe vaak koken de vrijwilligers een warme maaltijd in het dorpshuis?"), 100);
    expect(answer.text).toContain("Dat doen we op drie manieren:");
    expect(answer.text).toContain("Halen en brengen.");
    expect(answer.text).toContain("Elke donderdag koken vrijwilligers een warme maaltijd");
  });

  it("given a counted bulleted list whose last item has several sentences, then the quote ends with that item's last sentence", () => {
    const text = [
      "## Initiatieven en bedrijven",
      "",
      "De afstand tussen buurtinitiatieven en bedrijven lijkt groot. Toch helpen ze elkaar op drie manieren:",
      "",
      "- Initiatieven hebben veel creativiteit in huis, waar bedrijven baat bij kunnen hebben;",
      "- Veel bedrijven voelen een maatschappelijke verantwoordelijkheid voor hun eigen wijk;",
      "- Sommige initiatieven werken al als sociaal ondernemer. De grens tussen betaald en onbetaald werk is vaag. Juist daar kunnen bedrijven en initiatieven elkaar versterken.",
      "",
      "Uit de gesprekken kwamen vijf rode draden naar voren voor de gemeente.",
    ].join("\n");
    const answer = composeAnswer([hit("stadmakers", text)], termsOf("waarom helpen buurtinitiatieven en bedrijven elkaar?"), 100);
    expect(answer.text).toContain("Sommige initiatieven werken al als sociaal ondernemer.");
    expect(answer.text).toContain("Juist daar kunnen bedrijven en initiatieven elkaar versterken.");
    expect(answer.text).not.toContain("rode draden");
  });

  it("tells the count a line announces, and none where a count is not announced", () => {
    expect(announcedCount("De coöperatie werkt daarom op drie manieren aan het signaleren van eenzaamheid:")).toBe(3);
    expect(announcedCount("Het gaat om vier belangrijke stappen.")).toBe(4);
    expect(announcedCount("Dit zijn de 5 lessen:")).toBe(5);
    expect(announcedCount("We hebben drie manieren geprobeerd en geen enkele werkte.")).toBeUndefined();
    expect(announcedCount("Wat we leerden:")).toBeUndefined();
  });
});
