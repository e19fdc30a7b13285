import { describe, expect, it } from "vitest";
import { expectedAnswerType, holdsAnswerType } from "../../src/core/decision/answer-type.js";

describe("the detail a question asks for", () => {
  it.each([
    ["Wat kost een lidmaatschap van de buurtvereniging?", "amount"],
    ["hoe hoog is de huur van de grote zaal?", "amount"],
    ["Hoeveel vrijwilligers rijden er op de buurtbus?", "count"],
    ["Wanneer is de volgende ledenvergadering?", "date"],
    ["Wat zijn de openingstijden van de weggeefwinkel?", "time"],
    ["Wat is het e-mailadres van de dorpsraad?", "contact"],
    ["Wie is de voorzitter van de energiecoöperatie?", "person"],
    ["In welke dorpen rijdt de buurtbus al?", "names"],
    ["How many members does the co-op have?", "count"],
    ["Hoe betrekken we nieuwe bewoners bij het dorpshuis?", undefined],
    ["Waarom werkt een vaste contactpersoon bij de gemeente beter?", undefined],
    ["Hoe maken we een goede website voor het dorp?", undefined],
    ["Wat is het adres van het wijkcentrum?", "contact"],
  ])("given %j, then %s", (question, type) => {
    expect(expectedAnswerType(question)).toBe(type);
  });

  it.each([
    ["amount", "De contributie is € 25 per jaar.", true],
    ["amount", "De contributie wordt jaarlijks vastgesteld.", false],
    ["count", "Er rijden veertien chauffeurs.", true],
    ["count", "Er rijden een paar vaste chauffeurs.", false],
    ["date", "De vergadering is op 12 maart 2024.", true],
    ["date", "De vergadering is binnenkort.", false],
    ["time", "Open van 10.00 tot 16.00 uur.", true],
    ["contact", "Mail naar info@dorpsraad.nl of bel 0318-123456.", true],
    ["contact", "Neem contact op met de dorpsraad.", false],
    ["person", "Voorzitter is Anja de Vries sinds 2019.", true],
    ["names", "De bus rijdt in Lopik, Benschop en Polsbroek.", true],
    ["names", "De bus rijdt in een paar dorpen in de buurt.", false],
  ] as const)("given a %s asked and %j, then it holds one: %s", (type, text, expected) => {
    expect(holdsAnswerType(type, text)).toBe(expected);
  });
});
