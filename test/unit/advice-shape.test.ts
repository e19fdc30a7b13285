import { describe, expect, it } from "vitest";
import { asksHow, givesAdvice, opensWithCommand } from "../../src/core/answer/advice-shape.js";
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

describe("how Dutch texts give advice and steps", () => {
  it("given questions asking how or what to do, then they are how-questions; questions after an amount or a time are not", () => {
    expect(asksHow("hoe krijgen we meer jongeren bij de moestuin")).toBe(true);
    expect(asksHow("wat kunnen we als buurtvereniging doen tegen zwerfafval")).toBe(true);
    expect(asksHow("moeten we een vereniging oprichten voor de speeltuin")).toBe(true);
    expect(asksHow("heb je tips voor een eerste bewonersavond")).toBe(true);
    expect(asksHow("hoeveel leden heeft de moestuin")).toBe(false);
    expect(asksHow("hoe laat begint de bewonersavond")).toBe(false);
    expect(asksHow("wanneer is de speeltuin open")).toBe(false);
    expect(questionForm("Hoe krijgen we meer jongeren bij de moestuin?")).toBe("howto");
    expect(questionForm("Waarom stoppen vrijwilligers bij de moestuin?")).toBe("why");
  });

  it("given sentences, then commands are told from statements that open with a noun, a name or debris", () => {
    expect(opensWithCommand("Betrek de buren persoonlijk bij de eerste avond.")).toBe(true);
    expect(opensWithCommand("Plan de eerste avond op een doordeweekse dag.")).toBe(true);
    expect(opensWithCommand("Organiseer een proefdag waarop iedereen mag meedoen.")).toBe(true);
    expect(opensWithCommand("- Stel je niet op als klant van de gemeente.")).toBe(true);
    expect(opensWithCommand("Vrijwilligers zijn de ruggengraat van de moestuin.")).toBe(false);
    expect(opensWithCommand("Doel is om de buurt groener te maken.")).toBe(false);
    expect(opensWithCommand("Marleen Jansen vertelde over de moestuin.")).toBe(false);
    expect(opensWithCommand("Onderdeel van het plan is een kas.")).toBe(false);
    expect(opensWithCommand("Ditatief it vaortkem en op gericht.")).toBe(false);
    expect(opensWithCommand("De buurt doet graag mee.")).toBe(false);
  });

  it("given sentences giving advice in other words, then they give advice; a plain report does not", () => {
    expect(givesAdvice("Het is belangrijk om de buren vroeg te betrekken.")).toBe(true);
    expect(givesAdvice("Zorg ervoor dat er altijd iemand de sleutel heeft.")).toBe(true);
    expect(givesAdvice("Tip: begin klein, met één straat.")).toBe(true);
    expect(givesAdvice("Nieuwe initiatieven zijn erbij gebaat om een vaste contactpersoon te hebben.")).toBe(true);
    expect(givesAdvice("Op de avond waren veertig bewoners aanwezig.")).toBe(false);
  });

  it("given a how-question, then the sentence giving advice is quoted rather than one that only describes the subject", () => {
    const text = [
      "De jongeren in de wijk doen nauwelijks mee met de moestuin, en de vaste groep wordt steeds ouder.",
      "",
      "Betrek jongeren bij de moestuin met korte klussen die in één middag af zijn, zoals het bouwen van een kas.",
    ].join("\n");
    const answer = composeAnswer([hit("moestuin", text)], termsOf("Hoe betrekken we jongeren bij de moestuin?"), 100, { form: "howto" });
    expect(quoteOf(answer.text)).toContain("Betrek jongeren bij de moestuin met korte klussen");
  });
});
