import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import { dutchDictionaryState, useDutchDictionaryLoader, warmDutchDictionary } from "../../src/core/text/dutch-dictionary.js";
import { createLogger } from "../../src/logger.js";
import { tempDir, testConfig } from "../helpers/temp-knowledge.js";

/** The Dutch word list after a restart: read in the background once the app is ready, not by its start nor by a question. */
describe("the word list warmed at start-up", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a restart on a store that is up to date, then the start returns without reading the word list and it is read afterwards, with no question asked", async () => {
    const config = testConfig(temp.dir, { WEB_ENABLED: "false" });
    const first = createApp(config, createLogger("error"));
    await first.start();
    await first.stop();
    // As in a new process: nothing read yet (the word memory in the database stays).
    useDutchDictionaryLoader();
    const again = createApp(config, createLogger("error"));
    try {
      await again.start();
      expect(dutchDictionaryState()).toBe("not-loaded");
      const deadline = Date.now() + 300_000;
      while (dutchDictionaryState() === "not-loaded" && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(dutchDictionaryState()).toBe("loaded");
    } finally {
      await again.stop();
    }
  }, 600_000);

  it("given the list's read started by a question and joined by the warm-up, then the app's stop ends that read", async () => {
    const config = testConfig(temp.dir, { WEB_ENABLED: "false" });
    const first = createApp(config, createLogger("error"));
    await first.start();
    await first.stop();
    // A list that takes many slices: its read would go on long after the stop if nothing ended it.
    const slices = countedSlices(20_000);
    useDutchDictionaryLoader(() => ({ knows: () => false }), slices.load);
    const app = createApp(config, createLogger("error"));
    let questionRead: Promise<boolean> | undefined;
    try {
      // As a question does (whenWordListNeeded): no stop signal of its own.
      questionRead = warmDutchDictionary();
      await app.start();
      await nextTurn(); // the warm-up joins the read once the start has returned
    } finally {
      await app.stop();
    }
    try {
      expect(await questionRead).toBe(false);
      expect(dutchDictionaryState()).toBe("not-loaded");
      const stepsAtEnd = slices.steps();
      expect(stepsAtEnd).toBeLessThan(20_000);
      for (let i = 0; i < 10; i++) await nextTurn();
      expect(slices.steps()).toBe(stepsAtEnd);
    } finally {
      useDutchDictionaryLoader();
    }
  }, 120_000);
});

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** A list read in `total` slices (none of them slow), counting the slices read. */
function countedSlices(total: number) {
  let read = 0;
  const load = () => ({
    step: () => ++read >= total,
    finish: () => ({ knows: () => false }),
  });
  return { load, steps: () => read };
}
