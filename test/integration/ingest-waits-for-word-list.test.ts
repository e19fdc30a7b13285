import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dutchDictionaryState, useDutchDictionaryLoader, warmDutchDictionary } from "../../src/core/text/dutch-dictionary.js";
import { stemDutch } from "../../src/core/text/stem.js";
import { useWordMemory } from "../../src/core/text/word-memory.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { openTestStore, tempDir } from "../helpers/temp-knowledge.js";

const DUTCH = ["coöperatie", "cooperatie", "betaalt", "koffie", "vergadert", "maandelijks", "buurthuis"];
const SLICES = 60;

/**
 * A document read in (an upload in the team view) while the word list is still being read in the
 * background just after a start: it waits for that read to end, the event loop free meanwhile, instead
 * of reading the rest in one block. Shown with a list whose slices are slow on purpose, as a share of
 * the whole reading in (a ratio within one run, not a time).
 */
describe("a document read in while the word list is being read", () => {
  const temp = tempDir();
  afterEach(() => useDutchDictionaryLoader());
  afterAll(() => temp.cleanup());

  it("given the list's read in slices under way, then reading in a document never holds the event loop for most of it", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(knowledgeDir);
    fs.writeFileSync(path.join(knowledgeDir, "scan.txt"), "De codperatie betaalt de koffie. Zij vergadert maandelijks in het buurthuls.");
    const store = openTestStore(temp.dir);
    useDutchDictionaryLoader(() => slowList().finish(), slowList);
    useWordMemory();
    const warm = warmDutchDictionary();
    let reading = true;
    let last = performance.now();
    let longestPause = 0;
    const beat = () => {
      const now = performance.now();
      longestPause = Math.max(longestPause, now - last);
      last = now;
      if (reading) setImmediate(beat);
    };
    try {
      const started = performance.now();
      setImmediate(beat);
      const summary = await ingestSources({ store, knowledgeDir, maxFileBytes: 1024 * 1024 });
      await new Promise((resolve) => setImmediate(resolve)); // the beat waiting behind the reading counts its pause
      reading = false;
      const whole = performance.now() - started;
      expect(summary.added).toEqual(["scan.txt"]);
      expect(dutchDictionaryState()).toBe("loaded");
      expect(await warm).toBe(true);
      // The OCR damage is repaired with the list read in slices: the repaired word finds the passage.
      expect(store.search([{ term: stemDutch("cooperatie") }], 5)[0]?.passage.id).toBe("scan.txt#0");
      expect(longestPause / whole).toBeLessThan(0.5);
    } finally {
      reading = false;
    }
  }, 60_000);
});

/** A small list read in SLICES slices of 20 ms each (a busy machine, a slow disk); whole, the same in one go. */
function slowList() {
  let read = 0;
  const step = () => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    return ++read >= SLICES;
  };
  return {
    step,
    finish() {
      while (!step());
      return { knows: (word: string) => DUTCH.includes(word) };
    },
  };
}
