import { describe, expect, it } from "vitest";
import { composeAnswer } from "../../src/core/answer/compose-answer.js";
import type { SearchTerm } from "../../src/core/retrieval/search-term.js";
import { analyzeQuery, analyzeText } from "../../src/core/text/analyzer.js";
import type { SearchHit } from "../../src/core/types.js";

/** A passage of a document of this test's own, as retrieval hands it over. */
function hit(id: string, text: string, section?: string): SearchHit {
  return {
    passage: { id: `${id}#0`, documentId: id, ordinal: 0, section, text, terms: analyzeText(text) },
    document: { id, title: `Verslag ${id}`, kind: "verslag" },
    score: 1,
  };
}

/** The question's typed terms, each as if it were in a few of a hundred passages. */
function termsOf(question: string): SearchTerm[] {
  return analyzeQuery(question).terms.map((t) => ({ term: t.term, word: t.word, df: 3, origin: "typed", prefix: false, weight: 1 }));
}

describe("the offline answer's quote", () => {
  it("given a passage under a heading that asks the same question (an FAQ, a tolk's answer), then the quote is what stands under it, though it shares no word with the question", () => {
    const faq = hit("veelgestelde-vragen", "# Wie betaalt het onderhoud van de speeltuin?\n\nDat doet de gemeente, eens per jaar. Meld kapotte toestellen bij het wijkteam.", "Wie betaalt het onderhoud van de speeltuin?");
    const other = hit("verslag", "De speeltuin in de Beemd kreeg nieuwe toestellen; het onderhoud bleef een punt op de agenda van de bewonersavond.");
    const answer = composeAnswer([faq, other], termsOf("wie moet het onderhoud van onze speeltuin betalen?"), 100);
    expect(answer.text).toContain("Dat doet de gemeente, eens per jaar. Meld kapotte toestellen bij het wijkteam.");
    expect(answer.sources[0]!.documentId).toBe("veelgestelde-vragen");
  });

  it("given a later piece of a long answer under a question heading, then its first sentences get no credit from the heading", () => {
    const section = "Wie betaalt het onderhoud van de speeltuin?";
    const later = hit("faq-vervolg", "Verder organiseert de buurtvereniging elk voorjaar een klusdag met koffie. Daar komen altijd veel buren op af.", section);
    const other = hit("verslag", "Het onderhoud van de speeltuin betaalt de gemeente sinds 2018 uit het wijkbudget.");
    const answer = composeAnswer([later, other], termsOf("wie betaalt het onderhoud van de speeltuin?"), 100);
    expect(answer.sources.map((s) => s.documentId)).toEqual(["verslag"]);
    expect(answer.text.split("\n")[1]).toContain("Het onderhoud van de speeltuin betaalt de gemeente sinds 2018");
  });

  it("given a heading that asks about more than was asked, then its first sentences get no credit from it", () => {
    const section = "Speeltuin en buurthuis: hoe zit dat?";
    const text = `# ${section}\n\nVeel mensen kennen het buurthuis nog van vroeger. Het bestuur wisselde vaak van samenstelling. Sinds 2020 onderhoudt de gemeente de speeltuin zelf.`;
    const answer = composeAnswer([hit("toelichting", text, section)], termsOf("wie onderhoudt de speeltuin?"), 100);
    expect(answer.text).toContain("Sinds 2020 onderhoudt de gemeente de speeltuin zelf.");
    expect(answer.text).not.toContain("Veel mensen kennen het buurthuis");
  });

  it("given two sentences holding the question's words alike, then the one that gives the detail asked for (a date) is quoted", () => {
    const text = [
      "De voedselbank in Lopik is door de kerken begonnen omdat steeds meer gezinnen in het dorp aan het eind van de maand geen boodschappen meer konden doen, en dat zagen de diakenen van dichtbij.",
      "Elke week helpen vrijwilligers uit alle dorpen van de gemeente met het sorteren en uitdelen van de pakketten.",
      "De kerken in Lopik zijn de voedselbank begonnen in het voorjaar van 2014, met twaalf gezinnen.",
    ].join(" ");
    const question = "wanneer is de voedselbank in Lopik door de kerken begonnen?";
    const withoutDetail = composeAnswer([hit("voedselbank", text)], termsOf(question), 100);
    expect(withoutDetail.text).not.toContain("2014");
    const answer = composeAnswer([hit("voedselbank", text)], termsOf(question), 100, { question });
    expect(answer.text).toContain("in het voorjaar van 2014");
  });

  it("given a heading line inside the text, then the quote goes on with what follows it", () => {
    const text = [
      "Er kwam veel ter sprake op de avond, van de speeltuin tot de toekomst van de bibliotheek.",
      "",
      "Het Dorpsfonds van Oosterwolde",
      "",
      "Bewoners en ondernemers storten elk jaar samen een bedrag in de pot. Een commissie van vijf dorpsgenoten verdeelt het over kleine plannen.",
    ].join("\n");
    const answer = composeAnswer([hit("dorpsavond", text)], termsOf("Hoe werkt het dorpsfonds van Oosterwolde?"), 100);
    expect(answer.text).toContain("storten elk jaar samen een bedrag");
  });

  it("given a numbered list announced in a sentence, then the quote holds the items, not just the number", () => {
    const text = "Het traject van de werkgroep gaat over: 1. Wie beheert de sleutel van de schuur? 2. Wie maakt het rooster van de vrijwilligers?";
    const answer = composeAnswer([hit("werkgroep", text)], termsOf("Waar gaat het traject van de werkgroep over?"), 100);
    expect(answer.text).toContain("Wie beheert de sleutel");
  });

  it("given a sentence naming the subject and one after it pointing back to it, then the quote holds both", () => {
    const text = [
      "De speeltuin aan de Kerkweg is opgeknapt door een groep ouders.",
      "In de winter lekt het dak van de berging bij de speeltuin.",
      "Dat betekent dat de skelters in het voorjaar vaak kapot zijn. Neem daarom contact op met de beheerder voordat het gaat vriezen.",
      "De ouders zoeken nog iemand voor de administratie.",
    ].join("\n\n");
    const answer = composeAnswer([hit("speeltuin", text)], termsOf("het dak van de berging lekt in de winter, wat nu?"), 100);
    expect(answer.text).toContain("In de winter lekt het dak");
    expect(answer.text).toContain("Neem daarom contact op met de beheerder");
    expect(answer.text).not.toContain("administratie");
  });

  it("given a sentence announcing a number of points, then the quote goes on with the points", () => {
    const text = "Bij de verhuur van het dorpshuis wringt het vaak. Het gaat daarbij om drie zaken. Sleutels: wie heeft ze en wie haalt ze op? Schoonmaak: wie maakt de zaal na afloop schoon? Verzekering: wie betaalt bij schade?";
    const answer = composeAnswer([hit("verhuur", text)], termsOf("waar wringt het bij de verhuur van het dorpshuis?"), 100);
    expect(answer.text).toContain("Schoonmaak: wie maakt de zaal");
  });

  it("given a quote that would open by pointing back, then it starts with the sentence it points to", () => {
    const text = "De koffieochtend trekt elke week veertig ouderen. Daarom huurt de stichting sinds dit jaar een grotere zaal in de kerk. Het bestuur vergadert in maart.";
    const answer = composeAnswer([hit("koffie", text)], termsOf("waarom huurt de stichting een grotere zaal?"), 100);
    expect(answer.text).toContain("trekt elke week veertig ouderen. Daarom huurt");
  });

  it("given the matching sentence and, a sentence further on, a line that opens a list, then the quote runs on to the list", () => {
    const text = [
      "Een buurtmoestuin begint met een paar mensen die willen schoffelen. Zorg dat er in die groep verschillende mensen zitten. De tuinen die het langst bestaan hadden in elk geval:",
      "- iemand die de sleutel en het gereedschap beheert",
      "- iemand die de contacten met de woningcorporatie onderhoudt",
      "- iemand die het zaaischema bijhoudt",
    ].join("\n");
    const answer = composeAnswer([hit("moestuin", text)], termsOf("met wie begin je een buurtmoestuin?"), 100);
    expect(answer.text).toContain("hadden in elk geval:");
    expect(answer.text).toContain("het zaaischema bijhoudt");
  });

  it("given a quote of one short sentence that only names its subject, then the sentence after it comes along", () => {
    const text = "De repaircafé-vrijwilligers zijn een hechte groep. Reparaties aan oude koffiezetapparaten zijn vaak erg lastig. De vrijwilligers bestellen onderdelen daarom via een vaste winkel in Deventer en rekenen de kosten door. Het café is open op zaterdag.";
    const answer = composeAnswer([hit("repair", text)], termsOf("zijn reparaties aan koffiezetapparaten lastig?"), 100);
    expect(answer.text).toContain("Reparaties aan oude koffiezetapparaten zijn vaak erg lastig. De vrijwilligers bestellen onderdelen");
    expect(answer.text).not.toContain("zaterdag");
  });

  it("given a quote of one short sentence followed by the document's next question (an FAQ written as paragraphs), then that question is not quoted with it", () => {
    const text = "Kan ik mijn fiets laten repareren?\nDe vrijwilligers repareren fietsen elke zaterdag in het buurthuis.\nWat kost een reparatie?\nNiets, een vrijwillige bijdrage mag.";
    const answer = composeAnswer([hit("faq", text)], termsOf("wanneer repareren de vrijwilligers fietsen?"), 100);
    expect(answer.text).toContain("De vrijwilligers repareren fietsen elke zaterdag in het buurthuis.");
    expect(answer.text).not.toContain("Wat kost een reparatie?");
  });

  it("given several sentences before a list of whole sentences that the quote runs on to, then its items still come, not cut at a count of the sentences before", () => {
    const text = [
      "De voedselbank van Noorddorp werkt met vrijwilligers. De supermarkten van Noorddorp geven de voedselbank producten. Dat vraagt een goede planning. Het bestuur heeft het werk daarom zo verdeeld:",
      "Chauffeurs halen op dinsdag de producten op bij de winkels.",
      "Sorteerders zetten op woensdag de pakketten klaar in de loods.",
      "Gastvrouwen schenken koffie bij de uitgifte op donderdag.",
      "De coördinator maakt elke maand het rooster voor iedereen.",
    ].join("\n\n");
    const answer = composeAnswer([hit("voedselbank", text)], termsOf("hoe werkt de voedselbank van Noorddorp met vrijwilligers en supermarkten?"), 100);
    expect(answer.text).toContain("werk daarom zo verdeeld:");
    expect(answer.text).toContain("De coördinator maakt elke maand het rooster");
  });
});
