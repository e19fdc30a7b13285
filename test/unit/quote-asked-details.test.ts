import { describe, expect, it } from "vitest";
import { comparesMeasures } from "../../src/core/answer/asked-details.js";
import { composeAnswer } from "../../src/core/answer/compose-answer.js";
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

/** The quoted part of an answer (its second line), without the sources. */
const quoteOf = (question: string, text: string) => composeAnswer([hit("verslag", text)], termsOf(question), 100, { question }).text.split("\n")[1]!;

describe("the quote gives the details the question asks for", () => {
  it("given a question with two asks (when and how many), then the quote holds the sentence that gives the second one too", () => {
    const text = [
      "De buurtkamer in Heino is in het voorjaar begonnen als een idee van een paar bewoners die vonden dat er in de wijk te weinig plekken waren om elkaar zomaar tegen te komen.",
      "De eerste koffieochtend in 2015 telde zes vrijwilligers en een tafel in de kantine van de voetbalclub.",
      "Tegenwoordig is de buurtkamer elke werkdag open en schenken vrijwilligers koffie voor iedereen die binnenloopt.",
    ].join(" ");
    const quote = quoteOf("wanneer is de buurtkamer in Heino begonnen en met hoeveel?", text);
    expect(quote).toContain("in het voorjaar begonnen");
    expect(quote).toContain("telde zes vrijwilligers");
  });

  it("given a question how much of a measured thing (stroom), then a sentence with a date is not taken for the amount, the one in kWh is quoted", () => {
    const text = [
      "Het zonnedak van de school is opgeleverd op 12 mei 2021, na een bouwtijd van drie maanden, en werd feestelijk geopend door de wethouder en de kinderen van groep acht.",
      "In totaal kwam er 38.000 kWh uit, een stuk meer dan de prognose van de installateur.",
      "De ouderraad wil met het geld dat de school bespaart een nieuwe moestuin aanleggen op het plein.",
    ].join(" ");
    const quote = quoteOf("hoeveel stroom heeft het zonnedak van de school opgeleverd?", text);
    expect(quote).toContain("38.000 kWh");
  });

  it("given a question how much stroom, then the panels' power (kWp) is not taken for it, the energy made (kWh) is quoted", () => {
    const text = [
      "Op het dak van de gymzaal liggen 300 panelen met een vermogen van 110 kWp.",
      "Het zonnedak van de gymzaal is in maart opgeleverd en wordt beheerd door de buurtvereniging, die ook de administratie, de verzekering en het contact met de deelnemers verzorgt.",
      "De buurtvereniging organiseert elk voorjaar een open dag waarop iedereen het dak kan bekijken.",
      "Over het hele jaar kwam er 98.000 kWh uit, genoeg voor dertig huishoudens.",
    ].join(" ");
    const quote = quoteOf("hoeveel stroom heeft het zonnedak van de gymzaal opgeleverd?", text);
    expect(quote).toContain("98.000 kWh");
  });

  it("given a question that asks when twice (until when, and when), then the quote gives both dates, not only the first", () => {
    const text = [
      "Aanmelden voor de burendag kan tot vrijdag 12 september via het formulier op de website van de wijkraad, of op papier bij de balie van het buurthuis aan de Lindelaan.",
      "De klussen beginnen op zaterdag 27 september om tien uur, en rond vier uur sluiten we af met soep.",
      "Voor kinderen is er een eigen hoek met verf, zaagsel en een springkussen van de speeltuinvereniging.",
    ].join(" ");
    const quote = quoteOf("tot wanneer kun je je aanmelden voor de burendag en wanneer is de burendag zelf?", text);
    expect(quote).toContain("tot vrijdag 12 september");
    expect(quote).toContain("zaterdag 27 september");
  });

  it("given a question that compares sizes (which is bigger), then the quote holds the measures, not only the sentence that names both", () => {
    const text = [
      "In het dorpshuis zijn twee zalen te huur: de foyer op de begane grond en de bovenzaal, die vorig jaar met hulp van vrijwilligers helemaal is opgeknapt en nu een nieuwe vloer heeft.",
      "Beneden is plaats voor 60 mensen op 85 vierkante meter, boven voor 120 mensen op 140 vierkante meter.",
      "Koffie en thee kunnen via de beheerder worden besteld, ook voor grotere groepen.",
    ].join(" ");
    const quote = quoteOf("welke van de twee zalen in het dorpshuis is groter, de foyer of de bovenzaal?", text);
    expect(quote).toContain("140 vierkante meter");
  });

  it("a comparison of sizes or prices is told from other questions with 'of' or a comparative", () => {
    expect(comparesMeasures("is de bovenzaal groter dan de foyer?")).toBe(true);
    expect(comparesMeasures("which hall is bigger, the foyer or the upstairs room?")).toBe(true);
    expect(comparesMeasures("hoe krijgen we een grotere groep vrijwilligers?")).toBe(false);
    expect(comparesMeasures("moeten we een stichting of een vereniging oprichten?")).toBe(false);
  });
});
