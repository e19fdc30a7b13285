import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readableSentences } from "../../src/core/answer/readable-text.js";
import { assessAnswerability } from "../../src/core/decision/answerability.js";
import { retrieve } from "../../src/core/retrieval/retrieve.js";
import { readOpenTaal, useDutchDictionaryLoader } from "../../src/core/text/dutch-dictionary.js";
import { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { storeOfTexts } from "../helpers/temp-knowledge.js";

describe("OCR-damaged words and mistyped questions, on a real store", () => {
  let cleanup: () => void;
  let store: KnowledgeStore;

  beforeEach(async () => {
    ({ store, cleanup } = await storeOfTexts({
      "scan-dorpsavond.txt": "Het wljkraacl van Oosterwolde komt elke maand bijeen in de kantine van de voetbalclub.\n",
      "vrijwilligers.txt": "Vrijwilligers van de voedselbank krijgen een reiskostenvergoeding en een bedankavond. Het grootste probleem is vervoer.\n",
      "zonnedak.txt": "Het zonnedak op de sporthal levert stroom aan veertig huishoudens in de wijk.\n",
    }));
  });
  afterEach(() => cleanup());

  it("given a passage with an OCR-damaged word, then the correctly spelled word finds it, and the stored text is kept", () => {
    const retrieval = retrieve(store, "Wanneer komt de wijkraad bijeen?");
    expect(retrieval.hits[0]?.document.id).toBe("scan-dorpsavond.txt");
    expect(store.passagesOf("scan-dorpsavond.txt")[0]?.text).toContain("wljkraacl");
    expect(readableSentences(retrieval.hits[0]!.passage.text).join(" ")).toContain("Het wijkraad van Oosterwolde");
  });

  it("given a question with a typo, then the passage of the correctly spelled word is found and the question is not lost", () => {
    const question = "Wat krijgen vrijwillgers van de voedselbank?";
    const retrieval = retrieve(store, question);
    expect(retrieval.terms).toContainEqual(expect.objectContaining({ word: "vrijwillgers", origin: "typo", df: 1 }));
    expect(retrieval.hits[0]?.document.id).toBe("vrijwilligers.txt");
    // The correction stands in for the typed word at 0.9 of its weight: what is left counts as unknown.
    expect(assessAnswerability(question, retrieval).unknownShare).toBeLessThan(0.1);
  });

  it("given an English question, then its words are not taken for Dutch typos", () => {
    // "sportshall" is one edit from "sporthall", whose term (sporthal) the store knows
    const retrieval = retrieve(store, "Where is the sportshall with the solar roof?");
    expect(retrieval.query.language).toBe("en");
    expect(retrieval.terms.filter((t) => t.origin === "typo")).toEqual([]);
  });

  it("given a question of many unknown words, then at most five are tried as typos", () => {
    let checks = 0;
    const asked = new Set<string>();
    useDutchDictionaryLoader(() => {
      const real = readOpenTaal();
      return { knows: (word) => (checks++, asked.add(word.toLowerCase()), real.knows(word)) };
    });
    try {
      const words = Array.from({ length: 200 }, (_, i) => `qwx${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}zpq`);
      const retrieval = retrieve(store, words.join(" ").slice(0, 2000));
      expect(retrieval.terms.filter((t) => t.origin === "typed")).toHaveLength(200);
      expect(words.filter((w) => asked.has(w))).toHaveLength(5);
      // A tried word of 8 letters: itself (twice: as a word and as a name) and at most its edits, 8 + 7 + 8 × 25 + 9 × 26;
      // in fact only the edits that begin with a store term are asked.
      expect(checks).toBeLessThanOrEqual(5 * (2 + 449));
    } finally {
      useDutchDictionaryLoader();
    }
  });
});
