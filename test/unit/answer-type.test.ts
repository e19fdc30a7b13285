import { describe, expect, it } from "vitest";
import { countedWord, expectedAnswerType, expectedAnswerTypes, holdsAskedDetail, holdsCountOfWord } from "../../src/core/decision/answer-type.js";
import { askedNamedThing } from "../../src/core/decision/named-detail.js";
import { stemDutch } from "../../src/core/text/stem.js";

/** A question of each type that gives no detail itself. */
const ASKED_BY = {
  amount: "Wat kost een lidmaatschap van de buurtvereniging?",
  count: "Hoeveel chauffeurs rijden er op de buurtbus?",
  date: "Wanneer is de volgende ledenvergadering?",
  time: "Wat zijn de openingstijden van de weggeefwinkel?",
  contact: "Wat is het e-mailadres van de dorpsraad?",
  person: "Wie is de voorzitter van de energiecoöperatie?",
  names: "In welke dorpen rijdt de buurtbus al?",
} as const;

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
    ["Wie was er bij de ledenvergadering van maart?", "names"],
    ["wie deden er mee aan de schoonmaakdag?", "names"],
    ["How many members does the co-op have?", "count"],
    ["Hoe betrekken we nieuwe bewoners bij het dorpshuis?", undefined],
    ["Waarom werkt een vaste contactpersoon bij de gemeente beter?", undefined],
    ["Hoe maken we een goede website voor het dorp?", undefined],
    ["Wat is het adres van het wijkcentrum?", "contact"],
    ["wie is de nieuwe penningmeester van de speeltuinvereniging", "person"],
    ["wat moet je als lid betalen voor de zaalhuur", "amount"],
    ["wat kun je doen als leden niet betalen", undefined],
    ["bij welke verzekeraar zit het dorpshuis?", "named"],
    ["uit welk landelijk fonds kwam het geld voor de speeltoestellen", "named"],
    ["Which newspaper wrote about the food bank?", "named"],
    ["welke fondsen kunnen we aanschrijven voor een speeltuin?", undefined],
    ["hoe groot wordt de nieuwe tuin en wanneer begint die?", "date"],
    ["tot wanneer kunnen we ons opgeven voor de cursus", "date"],
    ["wat doe je wanneer de gemeente niet mee wil werken?", undefined],
    ["wanneer moeten we een betaalde coördinator aannemen?", undefined],
    ["wanneer is een buurtactie echt van de bewoners zelf?", undefined],
    ["When should a food bank start paying its volunteers?", undefined],
    ["When is the repair café open?", "date"],
    // The verb of cost further on in the clause: a participle, or "kosten" after gaan/zullen.
    ["wat heeft het nieuwe dak van de schuur gekost?", "amount"],
    ["hoeveel gaat de verbouwing van het clubhuis kosten", "amount"],
    ["wat zal een warmtepomp voor de zaal ons kosten?", "amount"],
    ["wat kostte de aanhanger van de klussendienst?", "amount"],
    ["How much did the new kitchen cost?", "amount"],
    ["wat doe je aan de kosten van de zaal als er weinig mensen komen", undefined],
    ["hoe houden we de kosten van de bus laag?", undefined],
    ["Wat moet ik doen als de verbouwing meer kost dan gepland?", undefined],
    ["Wat gaan we doen om de kosten laag te houden?", undefined],
    ["Hoeveel tijd kost het om een stichting op te richten?", "count"],
    ["op welke middag is de inloop in het buurthuis?", "date"],
    ["bij welke supermarkt halen ze de boodschappen voor de maaltijden?", "named"],
    ["welk systeem gebruikt de zorgcoöperatie voor het rooster?", "named"],
    ["welke instantie keurt de klimtoestellen van de speeltuin?", "named"],
    ["hoeveel heeft de sponsorloop voor het hospice opgeleverd?", "amount"],
    ["hoeveel hebben de winkeliers aan de kerstmarkt bijgedragen?", "amount"],
    ["wat heeft de buurtpreventie de wijk opgeleverd?", undefined],
    ["wat is de achternaam van Gerda, de coördinator van de bibliotheekinloop?", "person"],
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
    // Asked by a question of that type that names no detail of its own (the decision's own check).
    const question = ASKED_BY[type];
    expect(expectedAnswerType(question)).toBe(type);
    expect(holdsAskedDetail(question, type, text)).toBe(expected);
  });

  it.each([
    ["bij welke verzekeraar zit het dorpshuis?", "verzekeraar"],
    ["Which local fund paid for the bench?", "fonds"],
    ["hoe heet de krant die erover schreef", "krant"],
  ])("given %j, then the named thing asked is %s", (question, thing) => {
    expect(askedNamedThing(question)).toBe(thing);
  });
});

describe("a question that asks for more than one detail", () => {
  it.each([
    ["wanneer begint de buurtbus en wat gaat een rit kosten?", ["amount", "date"]],
    ["hoeveel gaat de verbouwing kosten?", ["amount"]],
    ["hoeveel vrijwilligers zijn er en wat is het e-mailadres van de coördinator?", ["contact", "count"]],
  ] as const)("given %j, then it asks %j (an amount already says how many)", (question, types) => {
    expect(expectedAnswerTypes(question)).toEqual(types);
  });
});

describe("whether a text gives the detail asked, not one the question already gives", () => {
  it.each([
    ["welk fonds betaalde de nieuwe speeltoestellen?", "De speeltoestellen zijn betaald door het Oranje Fonds en de gemeente.", true],
    ["welk fonds betaalde de nieuwe speeltoestellen?", "Het geld kwam van het Cultuurfonds Brabant.", true],
    ["welk fonds betaalde de nieuwe speeltoestellen?", "Voor de speeltoestellen vroegen we geld aan bij een landelijk fonds.", false],
    ["in welke krant stond het stuk over de kledingbank", "Na een stuk in de krant stonden er dertig mensen voor de deur.", false],
    ["in welke krant stond het stuk over de kledingbank", "Na een stuk in de krant (de Gelderlander) stonden er dertig mensen voor de deur.", true],
    ["in welke krant stond het stuk over de kledingbank", "Na een stuk in de krant (Stentor) stonden er dertig mensen voor de deur.", true],
    ["Op welke dag in maart 2024 is de ledenvergadering?", "De ledenvergadering is in maart 2024, de precieze datum volgt.", false],
    ["Op welke dag in maart 2024 is de ledenvergadering?", "De ledenvergadering is op 14 maart 2024 in het dorpshuis.", true],
    ["Hoeveel kost de zaalhuur van 150 euro per avond nu per jaar?", "De zaal kost 150 euro per avond.", false],
    // When, said as a weekday's part, relative to the event, a week number or a holiday.
    ["tot wanneer kun je soep bestellen?", "Soep bestellen kan tot donderdagavond.", true],
    ["tot wanneer kun je soep bestellen?", "Je bestelt uiterlijk twee dagen van tevoren.", true],
    ["tot wanneer kun je soep bestellen?", "Je bestelt uiterlijk de dag ervoor bij Anja.", true],
    ["wanneer is de fietsmarkt?", "De fietsmarkt is elk jaar in week 23 op het plein.", true],
    ["wanneer is de fietsmarkt?", "In de zomervakantie is er geen fietsmarkt.", true],
    ["wanneer is de fietsmarkt?", "De fietsmarkt is voor iedereen uit de buurt.", false],
  ] as const)("given %j and %j, then it gives the detail: %s", (question, text, expected) => {
    const type = expectedAnswerType(question)!;
    expect(type).toBeDefined();
    expect(holdsAskedDetail(question, type, text)).toBe(expected);
  });

  it("given 'hoeveel mensen', then a number before any word for people counts, a number before something else does not", () => {
    const counted = countedWord("hoeveel mensen komen er op de soepavond?")!;
    expect(holdsCountOfWord("Er kwamen gemiddeld 35 deelnemers per avond.", counted, stemDutch)).toBe(true);
    expect(holdsCountOfWord("De soepavond kost 3 euro per bord.", counted, stemDutch)).toBe(false);
    expect(holdsCountOfWord("Er kwamen gemiddeld 35 deelnemers.", countedWord("hoeveel pannen soep maken ze?")!, stemDutch)).toBe(false);
  });

  it("given a question after the next one of something, then a report's past dates do not give it, a planned date does", () => {
    const question = "wanneer is de volgende snoeiochtend van de hoogstamgroep?";
    expect(holdsAskedDetail(question, "date", "De snoeiochtend van 14 januari trok 22 vrijwilligers.")).toBe(false);
    expect(holdsAskedDetail(question, "date", "De volgende snoeiochtend staat op zaterdag 8 maart.")).toBe(true);
    // Without "volgende" a past date is the answer.
    expect(holdsAskedDetail("wanneer was de snoeiochtend?", "date", "De snoeiochtend van 14 januari trok 22 vrijwilligers.")).toBe(true);
  });

  it("given a question after the next one of something, then 'volgende' said of another thing is no planned date", () => {
    const question = "wanneer is de volgende ruilmiddag van de kledingbank?";
    expect(holdsAskedDetail(question, "date", "De flyer komt in de volgende wijkkrant. De ruilmiddag van 3 februari trok veel mensen.")).toBe(false);
    expect(holdsAskedDetail(question, "date", "De volgende middag is op zaterdag 12 april.")).toBe(true);
    expect(holdsAskedDetail(question, "date", "De volgende keer ruilen we op 12 april in de kerk.")).toBe(true);
    expect(holdsAskedDetail(question, "date", "De ruilmiddag wordt op 12 april gehouden.")).toBe(true);
  });

  it("given a quantity asked by what is measured ('hoeveel stroom', 'hoeveel water'), then a number in its unit counts, another number does not", () => {
    const power = countedWord("hoeveel stroom leveren de panelen op het dak van de gymzaal?")!;
    expect(holdsCountOfWord("Vorig jaar leverden ze samen 18.400 kWh, genoeg voor zes gezinnen.", power, stemDutch)).toBe(true);
    expect(holdsCountOfWord("Op het dak liggen 64 panelen sinds 2022.", power, stemDutch)).toBe(false);
    const water = countedWord("hoeveel water vangt de regenton op?")!;
    expect(holdsCountOfWord("De ton vangt in een natte maand zo'n 300 liter op.", water, stemDutch)).toBe(true);
    expect(holdsCountOfWord("Er staan 12 tonnen in de straat.", water, stemDutch)).toBe(false);
  });
});
