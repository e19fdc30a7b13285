import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeIndex } from "../../src/core/ports.js";
import { retrieve } from "../../src/core/retrieval/retrieve.js";
import { MAX_COMPOUND_CHARS, splitCompound } from "../../src/core/text/compounds.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import type { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { STARTER_KNOWLEDGE, openTestStore, tempDir } from "../helpers/temp-knowledge.js";

/** Letters that look like words but are none, the same for every run. */
function nonsense(length: number, seed: number): string {
  let s = seed;
  let out = "";
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out += "abcdefghijklmnoprstuvw"[s % 22];
  }
  return out;
}

/** Counts the look-ups a question costs, on the real store underneath. */
function counting(index: KnowledgeIndex) {
  const counts = { known: 0, prefix: 0 };
  const wrapped: KnowledgeIndex = Object.create(index);
  wrapped.isKnownTerm = (term) => (counts.known++, index.isKnownTerm(term));
  wrapped.isKnownPrefix = (prefix) => (counts.prefix++, index.isKnownPrefix(prefix));
  return { index: wrapped, counts };
}

describe("hostile or broken questions", () => {
  const temp = tempDir();
  let store: KnowledgeStore;
  beforeAll(async () => {
    store = openTestStore(temp.dir);
    await ingestSources({ store, knowledgeDir: STARTER_KNOWLEDGE, sources: [STARTER_KNOWLEDGE], maxFileBytes: 20 * 1024 * 1024 });
  });
  afterAll(() => temp.cleanup());

  it("given a 2 000-character word without spaces, then compound splitting does not try its cuts", () => {
    let lookups = 0;
    const vocabulary = { isKnown: () => (lookups++, false), isKnownPrefix: () => (lookups++, false) };
    expect(splitCompound(nonsense(2000, 1), vocabulary)).toBeUndefined();
    expect(lookups).toBe(0);
    // A real compound still splits.
    expect(splitCompound("dorpsgemeenschappen", { isKnown: (s) => ["dorp", "gemeenschap"].includes(s), isKnownPrefix: () => false })).toMatchObject({ head: "gemeenschap", modifier: "dorp" });
  });

  it("given a question of many long unknown words, then the compound look-ups per question are bounded", () => {
    const { index, counts } = counting(store);
    const question = Array.from({ length: 40 }, (_, i) => nonsense(MAX_COMPOUND_CHARS - 2, i + 7)).join(" ");
    retrieve(index, question);
    // At most 8 words are tried, each with fewer cuts than letters.
    expect(counts.known).toBeGreaterThan(0);
    expect(counts.known).toBeLessThanOrEqual(8 * MAX_COMPOUND_CHARS);
    expect(counts.prefix).toBeLessThanOrEqual(8 * MAX_COMPOUND_CHARS * 4);
    // And a normal question after it still finds its compound parts.
    const normal = retrieve(store, "Hoe werken dorpsgemeenschappen samen?");
    expect(normal.terms.some((t) => t.origin === "compound-part")).toBe(true);
  });

  it("given many questions of nonsense words, then the term cache stays bounded", () => {
    const before = store.cachedTermCount();
    for (let q = 0; q < 40; q++) {
      const question = Array.from({ length: 400 }, (_, i) => nonsense(7, q * 1000 + i)).join(" ");
      retrieve(store, question);
    }
    const after = store.cachedTermCount();
    // Unknown words are remembered up to the bound and not beyond it; once the typo check has read the
    // store's vocabulary (bounded by the documents), an unknown word is known to be unknown without any.
    expect(after).toBeLessThanOrEqual(Math.max(before, 10_000 + 20));
    expect(store.termVocabulary().size).toBeLessThan(20_000);
    expect(retrieve(store, "Wat is een burgerbegroting?").hits.length).toBeGreaterThan(0);
  });
});
