import { describe, expect, it } from "vitest";
import { classifyIntent } from "../../src/core/decision/classify-intent.js";

describe("classifyIntent", () => {
  it.each([
    ["", "empty"],
    ["   ?!  ", "empty"],
    ["Hoi!", "greeting"],
    ["goedemorgen allemaal", "greeting"],
    ["Dank je wel!", "thanks"],
    ["bedankt, dit helpt", "thanks"],
    ["help", "help"],
    ["wat kun je?", "help"],
    ["Ik wil een mens spreken", "human"],
    ["Kan ik met iemand praten over onze situatie?", "human"],
    ["Graag contact met een tolk", "human"],
    ["Welke rol kan een vrije actor spelen bij de provincie?", "question"],
    ["Hoe houden we vrijwilligers vast?", "question"],
    ["Hoi, hoe krijgen we jongeren betrokken bij ons dorpshuis?", "question"],
  ])("given %j, then %s", (message, intent) => {
    expect(classifyIntent(message)).toBe(intent);
  });
});

describe("classifyIntent: a question after small talk is a question", () => {
  it.each([
    ["Goedemiddag! Wie regelt de verzekering van een buurtbus?", "question"],
    ["Prima, en hoe vinden we een penningmeester?", "question"],
    ["Dankjewel. Nog iets: mag een stichting winst maken?", "question"],
    ["Hulp gezocht voor een subsidieaanvraag?", "question"],
    ["oké", "thanks"],
    ["Top, dank je wel!", "thanks"],
    ["hallo allemaal", "greeting"],
  ])("given %j, then %s", (message, intent) => {
    expect(classifyIntent(message)).toBe(intent);
  });

  it.each([
    ["Hoe bereiken we mensen in de wijk die nooit naar bijeenkomsten komen?", "question"],
    ["Hoe spreken we bewoners aan die overlast geven?", "question"],
    ["Is er iemand die ervaring heeft met een buurtbus?", "question"],
    ["Mag ik iemand bellen over onze aanvraag?", "human"],
    ["verbind me door met een tolk alsjeblieft", "human"],
    ["I would like to talk to a human", "human"],
  ])("given %j (people named, not asked for), then %s", (message, intent) => {
    expect(classifyIntent(message)).toBe(intent);
  });
});

describe("classifyIntent: thanks with praise for the answer, and a newcomer asking how it works", () => {
  it.each([
    ["dankjewel, top antwoord", "thanks"],
    ["Bedankt voor de snelle reactie!", "thanks"],
    ["Super, daar kan ik wat mee", "thanks"],
    ["thanks, very helpful", "thanks"],
    ["dank je, heel duidelijke uitleg", "thanks"],
    ["Super bedankt, echt een fijn antwoord!", "thanks"],
    ["Dank je, dit was heel nuttig", "thanks"],
    ["Bedankt, daar heb ik veel aan", "thanks"],
    ["Bedankt! Maar wat kost een buurtbus per jaar?", "question"],
    ["dank je, en hoe zit het met de verzekering?", "question"],
    ["bedankt voor het antwoord over de subsidie, maar hoe vraag ik die aan", "question"],
  ])("given %j, then %s", (message, intent) => {
    expect(classifyIntent(message)).toBe(intent);
  });

  it.each([
    ["hoi! ik ben nieuw hier. hoe werkt dit?", "help"],
    ["Goedemiddag, wij zijn nieuw hier. Hoe gebruik ik dit?", "help"],
    ["hi, I'm new here, how does this work?", "help"],
    ["ik ben nieuw hier", "greeting"],
    ["ik ben nieuw als penningmeester, wat moet ik regelen?", "question"],
    ["wij zijn nieuw in het dorp, hoe vinden we vrijwilligerswerk?", "question"],
  ])("given %j, then %s", (message, intent) => {
    expect(classifyIntent(message)).toBe(intent);
  });
});

describe("classifyIntent: a request for help after an acknowledgement stays a request for help", () => {
  // The words of praise include "help", "wat", "kan", "je": "oké, help" was answered with "graag gedaan".
  it.each([
    ["oké, help", "help"],
    ["ja help", "help"],
    ["thanks, help", "help"],
    ["ok, wat kan je", "help"],
    ["ok wat kun je allemaal doen", "help"],
    ["dank je, heel duidelijke uitleg", "thanks"],
    ["Super bedankt, echt een fijn antwoord!", "thanks"],
    ["Dank je, dit was heel nuttig", "thanks"],
    ["Bedankt, daar heb ik veel aan", "thanks"],
  ])("given %j, then %s", (message, intent) => {
    expect(classifyIntent(message)).toBe(intent);
  });
});

describe("classifyIntent: a question announced before it is asked", () => {
  it.each([
    ["hoi ff vraagje", "greeting"],
    ["hallo, even een vraagje", "greeting"],
    ["Ik heb een vraag voor jullie", "greeting"],
    ["hoi ff vraagje: hoe vinden we een nieuwe penningmeester?", "question"],
    ["Vraagje, wie betaalt de verzekering van de buurtbus?", "question"],
    ["vragen over de subsidie van de gemeente", "question"],
  ])("given %j, then %s", (message, intent) => {
    expect(classifyIntent(message)).toBe(intent);
  });
});
