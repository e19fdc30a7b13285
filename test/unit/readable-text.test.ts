import { describe, expect, it } from "vitest";
import { readableSentences } from "../../src/core/answer/readable-text.js";

describe("readableSentences", () => {
  it("given OCR text with broken lines, stray glyphs and bullet letters, then yields clean sentences", () => {
    const ocr = [
      "e Hoe compenseer je het werk van vrijwilligers en wanneer heb je betaalde",
      "krachten nodig?",
      "O",
      "¢ ]",
      "Er zijn meer manieren dan alleen geld om het voor vrijwilligers aantrekkelijk te",
      "houden, zoals training. Dat werkt goed in dorpen.",
    ].join("\n");
    expect(readableSentences(ocr)).toEqual([
      "Hoe compenseer je het werk van vrijwilligers en wanneer heb je betaalde krachten nodig?",
      "Er zijn meer manieren dan alleen geld om het voor vrijwilligers aantrekkelijk te houden, zoals training.",
      "Dat werkt goed in dorpen.",
    ]);
  });

  it("given Dutch words with an apostrophe for a dropped letter, then they stay ('s avonds, 't, m'n), while stray quote marks go", () => {
    expect(readableSentences("De vrijwilligers komen 's avonds langs, met m'n buurman en z'n hond naar 't plein.")).toEqual([
      "De vrijwilligers komen 's avonds langs, met m'n buurman en z'n hond naar 't plein.",
    ]);
    expect(readableSentences("Het spreekuur is in ’s-Hertogenbosch op dinsdag.")).toEqual(["Het spreekuur is in ’s-Hertogenbosch op dinsdag."]);
    expect(readableSentences("Het dorpshuis ' \" is open voor iedereen in het dorp.")).toEqual(["Het dorpshuis is open voor iedereen in het dorp."]);
  });

  it("given a quotation opening with a short word, then the word stays with its quote mark (\"De speeltuin …\")", () => {
    const text = 'Karim legde uit dat jongeren de wijk het meest gebruiken: "De speeltuin is van hen, niet van de raad." Een bewoner vond 12 jaar te jong.';
    expect(readableSentences(text).join(" ")).toContain('gebruiken: "De speeltuin is van hen, niet van de raad."');
  });

  it("given a line that is mostly numbers and words (years, amounts), then it is kept, not taken for OCR debris", () => {
    const slide = ["Opgericht eind 2017 met 6 leden", "Groeiend in 2018 en 2019 naar 20 leden", "", "Kosten: 2024 | € 1.250 | 2025 | € 1.400"].join("\n");
    const sentences = readableSentences(slide).join(" ");
    expect(sentences).toContain("Groeiend in 2018 en 2019 naar 20 leden");
    expect(sentences).toContain("€ 1.250");
    expect(readableSentences("Het plan ligt klaar.\n.'g\"‘. ;.,\nDe gemeente betaalt mee aan de uitvoering.")).toEqual(["Het plan ligt klaar.", "De gemeente betaalt mee aan de uitvoering."]);
  });

  it("given a numbered list run into a sentence, then an item's number stays with the item", () => {
    expect(readableSentences("De werkgroep bespreekt dit: 1. Wie beheert de sleutel van de schuur? Dat doet de voorzitter.")).toEqual([
      "De werkgroep bespreekt dit: 1. Wie beheert de sleutel van de schuur?",
      "Dat doet de voorzitter.",
    ]);
    expect(readableSentences("Het is 10.30 uur. Daarna begint de markt op het plein.")).toEqual(["Het is 10.30 uur.", "Daarna begint de markt op het plein."]);
  });

  it("given markdown emphasis and headings, then strips the markup", () => {
    expect(readableSentences("## **Sociaal cement** in de samenleving\n\nBurgerinitiatieven zijn er in alle soorten en maten.")).toEqual([
      "Sociaal cement in de samenleving",
      "Burgerinitiatieven zijn er in alle soorten en maten.",
    ]);
  });

  it("given a list of short items under a line that announces it, then the list is one sentence with an item a line", () => {
    const ocr = [
      "Dit is een gewone zin over het netwerk van initiatieven.",
      "",
      "e Functies voor het samenwerkingsverband:",
      "",
      "o Nieuwsbrief",
      "",
      "Meetings",
      "",
      "Kennisbank en trainingen/cursussen",
      "",
      "o Lobby naar gemeenten, provincie en andere relevante organisaties.",
      "",
      "¢ Onderverdelen naar thematisch gebied, zodat verschillende typen",
      "bewonersinitiatieven eenvoudig de weg naar elkaar kunnen vinden.",
    ].join("\n");
    expect(readableSentences(ocr)).toEqual([
      "Dit is een gewone zin over het netwerk van initiatieven.",
      "Functies voor het samenwerkingsverband:\nNieuwsbrief\nMeetings\nKennisbank en trainingen/cursussen\nLobby naar gemeenten, provincie en andere relevante organisaties.",
      "Onderverdelen naar thematisch gebied, zodat verschillende typen bewonersinitiatieven eenvoudig de weg naar elkaar kunnen vinden.",
    ]);
  });

  it("given a colon before ordinary sentences, then nothing is joined", () => {
    const ocr = "De belangrijkste conclusies zijn:\ne De initiatieven dienen centraal te staan, doen waar zij behoefte aan\nhebben.\n\ne Verbinden.";
    expect(readableSentences(ocr)).toEqual([
      "De belangrijkste conclusies zijn:",
      "De initiatieven dienen centraal te staan, doen waar zij behoefte aan hebben.",
    ]);
  });

  it("given a sentence that OCR cut with a blank line, then the lower-case rest goes on with it", () => {
    const ocr = "e De vrijwilligers van de moestuin zorgen er samen voor dat de planten water\n\nkrijgen.\n\nDe oogst gaat naar de voedselbank.";
    expect(readableSentences(ocr)).toEqual([
      "De vrijwilligers van de moestuin zorgen er samen voor dat de planten water krijgen.",
      "De oogst gaat naar de voedselbank.",
    ]);
  });

  it("given very short sentences in a paragraph, then they are kept with their neighbours instead of lost", () => {
    expect(readableSentences("Samen koken. Iedereen neemt iets mee. Elke week.\n\nOpruimen. De keuken moet om tien uur leeg zijn.")).toEqual([
      "Samen koken. Iedereen neemt iets mee. Elke week.",
      "Opruimen. De keuken moet om tien uur leeg zijn.",
    ]);
  });
  it("given a subheading on a line of its own above a paragraph (as a PDF's smaller headings come out), then it is not glued to the sentence under it", () => {
    const text = "De stichting levert de chauffeurs en de planning.\n\nDienstregeling\nDe bus rijdt op werkdagen van 7.05 tot 18.40 uur, elk uur in beide richtingen.\n\nAantallen\nEind 2023 had de stichting 41 vrijwillige\nchauffeurs en 6 planners.";
    expect(readableSentences(text)).toEqual([
      "De stichting levert de chauffeurs en de planning.",
      "De bus rijdt op werkdagen van 7.05 tot 18.40 uur, elk uur in beide richtingen.",
      "Eind 2023 had de stichting 41 vrijwillige chauffeurs en 6 planners.",
    ]);
    // A line that wraps on ("… bij de" / "Vereniging …") is not a heading.
    expect(readableSentences("Het geld kwam van de\nVereniging Dorpshuizen in de regio.")).toEqual(["Het geld kwam van de Vereniging Dorpshuizen in de regio."]);
  });
  it("given an ampersand between words, then it is kept (it is a word, not OCR debris)", () => {
    expect(readableSentences("Het project werkte met trial & error, en dat ging goed.")).toEqual(["Het project werkte met trial & error, en dat ging goed."]);
  });
  it("given a capital letter standing alone between words of a line (rijbewijs B, plan B), then it is kept; a stray one at a line's end is still debris", () => {
    expect(readableSentences("Voor de bus is een gewoon rijbewijs B genoeg, en plan B is een taxi.")).toEqual(["Voor de bus is een gewoon rijbewijs B genoeg, en plan B is een taxi."]);
    expect(readableSentences("De provincie moet ook verbindingen X\nleggen met andere initiatieven in de regio.")).toEqual(["De provincie moet ook verbindingen leggen met andere initiatieven in de regio."]);
  });
  it("given a line of one short word that ends the sentence the line before left open, then it is kept", () => {
    expect(readableSentences("Om chauffeur te worden moet\nje:\n\neen geldig rijbewijs hebben;\neen VOG aanvragen.")[0]).toBe("Om chauffeur te worden moet je:");
    // After a finished sentence, a lone scrap is still debris.
    expect(readableSentences("Daar is iedereen het over eens.\nje\nDe volgende stap is een plan.")).toEqual(["Daar is iedereen het over eens.", "De volgende stap is een plan."]);
  });
});
