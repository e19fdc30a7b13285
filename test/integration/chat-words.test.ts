import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieve } from "../../src/core/retrieval/retrieve.js";
import { assessAnswerability } from "../../src/core/decision/answerability.js";
import { analyzeQuery, analyzeText } from "../../src/core/text/analyzer.js";
import { isMistypedStopWord } from "../../src/core/text/chat-words.js";
import { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { storeOfTexts } from "../helpers/temp-knowledge.js";

describe("chat words and mistyped stop words in a question, on a real store", () => {
  let cleanup: () => void;
  let store: KnowledgeStore;

  beforeAll(async () => {
    ({ store, cleanup } = await storeOfTexts({
      "kledingruil.txt": "Twee keer per jaar houden we een kledingruil in het buurthuis. Iedereen mag tien stuks kleding meenemen en ruilen. Wat overblijft gaat naar de kringloopwinkel.\n",
      "klussendienst.txt": "De klussendienst helpt ouderen met kleine klussen in huis, zoals een lamp ophangen of een kraan vervangen. Vrijwilligers komen op afspraak langs.\n",
      "lidmaatschap.txt": "Je kunt het lidmaatschap van de energiecoöperatie opzeggen met een brief aan het bestuur, tot een maand voor het einde van het jaar.\n",
      "buurtfonds.txt": "Het buurtfonds geeft kleine bedragen voor straatfeesten en buurtactiviteiten. Aanvragen kan via het formulier op de website; de btw is niet aftrekbaar.\n",
    }));
  });
  afterAll(() => cleanup());

  it("given chat abbreviations and greetings around a question, then they are no search words, while the topic words stay", () => {
    const words = analyzeQuery("hoi, hoe regelen we ff een kledingruil ivm de verhuizing, mss iets voor zn buurthuis?").terms.map((t) => t.word);
    expect(words).toEqual(expect.arrayContaining(["regelen", "kledingruil", "verhuizing", "buurthuis"]));
    for (const chat of ["hoi", "ff", "ivm", "mss", "zn"]) expect(words).not.toContain(chat);
  });

  it("given 'btw' in a Dutch question, then it stays a search word: it is the tax, not 'by the way'", () => {
    expect(analyzeQuery("moeten we btw betalen over de bijdrage?").terms.map((t) => t.word)).toContain("btw");
  });

  it("given chat words in a document, then the document keeps them: only questions drop them", () => {
    expect(analyzeText("Dat gaat trouwens ook bijvoorbeeld zo")).toEqual(expect.arrayContaining(["trouwen"]));
  });

  it("given a stop word typed wrong, then it is recognised; a real word, a short word or a topic word typed wrong is not", () => {
    expect(isMistypedStopWord("eigelijk")).toBe(true);
    expect(isMistypedStopWord("misschein")).toBe(true);
    expect(isMistypedStopWord("waaorm")).toBe(true);
    expect(isMistypedStopWord("kledingruil")).toBe(false);
    expect(isMistypedStopWord("klussendinst")).toBe(false);
    expect(isMistypedStopWord("zodat")).toBe(false);
    expect(isMistypedStopWord("wat")).toBe(false);
  });

  it("given a question with a mistyped stop word, then the word is no search term and does not count as a word the store lacks", () => {
    const typed = "hoe werkt die klussendienst eigelijk, komen ze ook langs voor een kraan?";
    const plain = "hoe werkt die klussendienst, komen ze ook langs voor een kraan?";
    const retrieval = retrieve(store, typed);
    expect(retrieval.terms.map((t) => t.word)).not.toContain("eigelijk");
    expect(retrieval.hits[0]?.document.id).toBe("klussendienst.txt");
    const withSlip = assessAnswerability(typed, retrieval);
    const without = assessAnswerability(plain, retrieve(store, plain));
    expect(withSlip.unknownShare).toBeCloseTo(without.unknownShare, 6);
    expect(withSlip.confidence).toBeCloseTo(without.confidence, 6);
  });

  it("given a question of one word as long as MAX_QUESTION_CHARS allows (100 000 letters), then it is no mistyped stop word and the search still ends", () => {
    // Its edits are not built: some 54 per letter, each 100 000 letters long, ran the process out of memory.
    const long = `eigelijk${"e".repeat(99_992)}`;
    expect(isMistypedStopWord(long)).toBe(false);
    const retrieval = retrieve(store, `hoe werkt de klussendienst ${long}`);
    expect(retrieval.hits[0]?.document.id).toBe("klussendienst.txt");
  });

  it("given 'zeg' with its particle later in the question ('hoe zeg ik het lidmaatschap op'), then it is the verb opzeggen, not a chat word", () => {
    const retrieval = retrieve(store, "Hoe zeg ik het lidmaatschap op?");
    expect(retrieval.terms.map((t) => t.term)).toContain("opzeg");
  });
});
