import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { retrieve } from "../../src/core/retrieval/retrieve.js";
import { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { storeOfTexts } from "../helpers/temp-knowledge.js";

describe("a verb form in the question also finds the infinitive in the store, on a real store", () => {
  let cleanup: () => void;
  let store: KnowledgeStore;

  beforeAll(async () => {
    // The -t form and the infinitive each stand in a different document.
    ({ store, cleanup } = await storeOfTexts({
      "repaircafe.txt": "Het repaircafé in de bibliotheek repareert elke zaterdag kapotte lampen en broodroosters.\n",
      "ledenavond.txt": "Op de ledenavond bespreken we hoe we samen lampen en fietsen repareren, met koffie en koek.\n",
      "buurtbus.txt": "De chauffeurs van de buurtbus rijden op werkdagen tussen het dorp en het station. Het resultaat: meer ritten.\n",
    }));
  });
  afterAll(() => cleanup());

  it("given 'repareert' typed and 'repareren' in another document, then both documents are found, the typed form first", () => {
    const retrieval = retrieve(store, "Wie repareert lampen?");
    expect(retrieval.terms).toContainEqual(expect.objectContaining({ word: "repareert", origin: "inflection", df: 1 }));
    const inflection = retrieval.terms.find((t) => t.origin === "inflection")!;
    expect(inflection.weight).toBeLessThan(1);
    expect(retrieval.hits.map((h) => h.document.id).slice(0, 2)).toEqual(["repaircafe.txt", "ledenavond.txt"]);
  });

  it("given a noun ending in -t that the store knows, then no made-up infinitive is added", () => {
    // "resultaat" ends in -t like a verb form, but "resultaaen"/"resultaten" is no verb the store holds.
    const retrieval = retrieve(store, "Wat is het resultaat van de buurtbus?");
    expect(retrieval.terms).toContainEqual(expect.objectContaining({ word: "resultaat", origin: "typed", df: 1 }));
    expect(retrieval.terms.filter((t) => t.origin === "inflection")).toEqual([]);
  });

  it("given the infinitive typed, then no extra form is added (the stemmer already meets the plural and infinitive)", () => {
    const retrieval = retrieve(store, "Hoe repareren we fietsen?");
    expect(retrieval.terms.filter((t) => t.origin === "inflection")).toEqual([]);
    expect(retrieval.hits[0]?.document.id).toBe("ledenavond.txt");
  });
});
