import { describe, expect, it } from "vitest";
import { questionForm } from "../../src/core/answer/answer-shape.js";
import { composeAnswer } from "../../src/core/answer/compose-answer.js";
import type { SearchTerm } from "../../src/core/retrieval/search-term.js";
import { analyzeQuery, analyzeText } from "../../src/core/text/analyzer.js";
import type { SearchHit } from "../../src/core/types.js";

function hit(id: string, text: string): SearchHit {
  return { passage: { id: `${id}#0`, documentId: id, ordinal: 0, text, terms: analyzeText(text) }, document: { id, title: `Notitie ${id}`, kind: "verslag" }, score: 1 };
}

function termsOf(question: string): SearchTerm[] {
  return analyzeQuery(question).terms.map((t) => ({ term: t.term, word: t.word, df: 3, origin: "typed", prefix: false, weight: 1 }));
}

const quoteOf = (text: string) => /“([\s\S]*)” \[1\]/.exec(text)?.[1] ?? "";

describe("the shape of the answer a question asks for", () => {
  it("given questions of several forms, then tells why-questions and 'wat is' questions apart", () => {
    expect(questionForm("Waarom sluit de bibliotheek op zaterdag?")).toBe("why");
    expect(questionForm("hoi, waardoor lukt het niet om vrijwilligers te vinden")).toBe("why");
    expect(questionForm("Wat is een repaircafé eigenlijk?")).toBe("definition");
    expect(questionForm("wat betekent burgerkracht")).toBe("definition");
    expect(questionForm("Hoe start ik een repaircafé?")).toBe("howto");
    expect(questionForm("Wanneer is het repaircafé open?")).toBe("other");
  });

  it("given a why-question, then the sentence giving the reason is quoted rather than one only naming the subject", () => {
    const text = [
      "De bibliotheek in het dorpshuis sluit op zaterdag sinds de zomer.",
      "",
      "Veel bezoekers vinden het jammer dat de bibliotheek op zaterdag sluit, zeker gezinnen met kinderen.",
      "",
      "De bibliotheek sluit op zaterdag omdat er te weinig vrijwilligers zijn voor die dag.",
    ].join("\n");
    const answer = composeAnswer([hit("bieb", text)], termsOf("Waarom sluit de bibliotheek op zaterdag?"), 100, { form: "why" });
    expect(quoteOf(answer.text)).toContain("omdat er te weinig vrijwilligers zijn");
  });

  it("given a why-question, then the sentence giving the reason as an aim is quoted, though it has no word of cause", () => {
    const aim = [
      "Bij het repaircafé in de Beemd blijf je zelf bij de reparatie zitten, naast de vrijwilliger.",
      "",
      "De koffie staat klaar bij de ingang en de wachttijd is meestal kort.",
      "",
      "Zelf bij je reparatie blijven zitten is in het repaircafé een bewuste keuze: het gaat er ook om dat je leert hoe je spullen in elkaar zitten.",
    ].join("\n");
    const why = "waarom moet je zelf bij de reparatie blijven zitten in het repaircafé?";
    expect(quoteOf(composeAnswer([hit("repair", aim)], termsOf(why), 100, { form: "why" }).text)).toContain("het gaat er ook om dat je leert");
  });

  it("given a why-question, then the sentence naming the problem is quoted, though it has no word of cause", () => {
    const problem = [
      "Het tweede zonnedak op de sporthal is nog steeds niet aangesloten op het net, al ligt het er sinds mei.",
      "",
      "De panelen op het dak van de sporthal zijn in mei gelegd door een installateur uit de buurt.",
      "",
      "Het grote probleem is dat het zonnedak op de sporthal niet op het net kan worden aangesloten: de netbeheerder heeft geen ruimte.",
    ].join("\n");
    const notConnected = "waarom is het zonnedak op de sporthal nog niet aangesloten op het net?";
    expect(quoteOf(composeAnswer([hit("zon", problem)], termsOf(notConnected), 100, { form: "why" }).text)).toContain("Het grote probleem is");
  });

  it("given a 'wat is' question, then the sentence saying what it is wins over one that only mentions it", () => {
    const text = "Op de markt stond ook het repaircafé van de buurtvereniging, naast de kraam van de imker. Het repaircafé is een maandelijkse middag waarop vrijwilligers kapotte spullen van buurtbewoners gratis repareren.";
    const answer = composeAnswer([hit("markt", text)], termsOf("Wat is een repaircafé?"), 100, { form: "definition" });
    expect(quoteOf(answer.text).startsWith("Het repaircafé is een maandelijkse middag")).toBe(true);
  });

  it("given a list question, then a list labelled with the thing asked about is quoted", () => {
    const text = [
      "De werkgroep groen van het dorp maakt elk voorjaar afspraken met de gemeente over het onderhoud.",
      "",
      "Afspraken van de werkgroep groen met de gemeente:",
      "o Maaien twee keer per jaar",
      "o Bloembakken bij de school",
      "o Snoeien in de winter",
    ].join("\n");
    const answer = composeAnswer([hit("groen", text)], termsOf("Welke afspraken heeft de werkgroep groen met de gemeente?"), 100, { list: true });
    expect(quoteOf(answer.text)).toContain("Afspraken van de werkgroep groen met de gemeente:\nMaaien twee keer per jaar\nBloembakken bij de school");
  });
});
