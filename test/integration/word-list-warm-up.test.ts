import { afterAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import { dutchDictionaryState, useDutchDictionaryLoader } from "../../src/core/text/dutch-dictionary.js";
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
});
