import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieve } from "../../src/core/retrieval/retrieve.js";
import { Vocabulary } from "../../src/core/text/vocabulary.js";
import { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { storeOfTexts } from "../helpers/temp-knowledge.js";

describe("a compound whose part only the vocabulary file knows, on a real store", () => {
  let cleanup: () => void;
  let store: KnowledgeStore;
  // "coop" (a clipped coöperatie) and "app" stand in the synonym file, not in any document.
  const vocabulary = new Vocabulary("coöperatie, coop\nberichtendienst, app, appgroep\n");

  beforeAll(async () => {
    ({ store, cleanup } = await storeOfTexts({
      "warmte.txt": "De coöperatie levert warmte aan de wijk via een warmtenet. Leden betalen een vaste bijdrage per maand.\n",
      "buurt.txt": "In de buurt spreken bewoners af via een berichtendienst op de telefoon. Zo weet iedereen wanneer de straat schoon wordt gemaakt.\n",
      "tuin.txt": "De moestuin is open op zaterdag. Vrijwilligers verdelen de oogst onder de leden.\n",
    }));
  });
  afterAll(() => cleanup());

  it("given a compound of a store word and a word only the synonym file names ('warmtecoop'), then it is split and the part searched through its synonyms", () => {
    const retrieval = retrieve(store, "hoeveel betalen leden van een warmtecoop?", 10, { vocabulary });
    expect(retrieval.terms.filter((t) => t.word === "warmtecoop" && t.origin === "compound-part").map((t) => t.term)).toContain("warmt");
    expect(retrieval.terms.some((t) => t.origin === "synonym" && t.term.startsWith("cooperatie"))).toBe(true);
    expect(retrieval.hits[0]?.document.id).toBe("warmte.txt");
  });

  it("given the same question without the vocabulary, then the word stays unknown and is not split", () => {
    const retrieval = retrieve(store, "hoeveel betalen leden van een warmtecoop?", 10);
    expect(retrieval.terms.filter((t) => t.word === "warmtecoop").map((t) => t.origin)).toEqual(["typed"]);
  });

  it("given a compound the store's own words split, then the vocabulary is not asked: the store's split stands", () => {
    const retrieval = retrieve(store, "wanneer is de moestuinoogst?", 10, { vocabulary });
    expect(retrieval.terms.filter((t) => t.origin === "compound-part").map((t) => t.term).sort()).toEqual(["moestuin", "oogst"]);
  });
});
