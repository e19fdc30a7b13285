import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { dutchDictionaryState, useDutchDictionaryLoader, warmDutchDictionary } from "../../src/core/text/dutch-dictionary.js";
import { stemDutch } from "../../src/core/text/stem.js";
import { useWordMemory } from "../../src/core/text/word-memory.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { watchTurnsBetweenSteps } from "../helpers/loop-turns.js";
import { openTestStore, tempDir } from "../helpers/temp-knowledge.js";

const DUTCH = ["coöperatie", "cooperatie", "betaalt", "koffie", "vergadert", "maandelijks", "buurthuis"];
const SLICES = 60;

/**
 * A document read in (an upload in the team view) while the word list is still being read in the
 * background just after a start: it waits for that read to end, the event loop free meanwhile, instead
 * of reading the rest in one block. A callback rescheduling itself on the event loop shows it: it runs
 * between most of the list's slices (a count of turns, not a time). The slices are slow on purpose, so
 * that few are read before the document's analysis starts: one that read the rest in one block would
 * let the callback run between few of them.
 */
describe("a document read in while the word list is being read", () => {
  const temp = tempDir();
  afterEach(() => useDutchDictionaryLoader());
  afterAll(() => temp.cleanup());

  it("given the list's read in slices under way, then reading in a document lets other work run between most of the list's slices", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(knowledgeDir);
    fs.writeFileSync(path.join(knowledgeDir, "scan.txt"), "De codperatie betaalt de koffie. Zij vergadert maandelijks in het buurthuls.");
    const store = openTestStore(temp.dir);
    let slicesRead = 0;
    const slowList = () => slowListCounting(() => slicesRead++);
    useDutchDictionaryLoader(() => slowList().finish(), slowList);
    useWordMemory();
    const turns = watchTurnsBetweenSteps(() => slicesRead);
    const warm = warmDutchDictionary();
    const summary = await ingestSources({ store, knowledgeDir, maxFileBytes: 1024 * 1024 });
    const { steps, turnsBetween } = await turns.stop();
    expect(summary.added).toEqual(["scan.txt"]);
    expect(dutchDictionaryState()).toBe("loaded");
    expect(await warm).toBe(true);
    // The OCR damage is repaired with the list read in slices: the repaired word finds the passage.
    expect(store.search([{ term: stemDutch("cooperatie") }], 5)[0]?.passage.id).toBe("scan.txt#0");
    expect(steps).toBe(SLICES);
    expect(turnsBetween).toBeGreaterThan(steps / 2);
  }, 60_000);
});

/** A small list read in SLICES slices of 20 ms each (a busy machine, a slow disk), each counted; whole, the same in one go. */
function slowListCounting(onSlice: () => void) {
  let read = 0;
  const step = () => {
    if (read >= SLICES) return true; // read to the end already
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    onSlice();
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
