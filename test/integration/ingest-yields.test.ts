import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadedList } from "../../src/core/text/dutch-dictionary.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { openTestStore, REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

/**
 * A large document read in by the running app (an upload in the team view) must not stop it from
 * answering: the analysis gives the event loop back between slices. A heartbeat rescheduling itself
 * on the event loop shows it: the longest pause between two beats is a small share of the whole reading
 * (a ratio within one run, not a time: the machine's speed cancels out), where an analysis that held the
 * loop made one pause of most of it.
 */
describe("reading in a large document while the process serves others", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a document of about a megabyte being read in, then the event loop is never held for more than a small share of it", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(knowledgeDir);
    const report = fs.readFileSync(path.join(REPO_ROOT, "knowledge", "verslag-verkennersbijeenkomst-vliegwiel-2020.txt"), "utf8");
    let text = "";
    while (text.length < 1_000_000) text += `${report}\n\n`;
    fs.writeFileSync(path.join(knowledgeDir, "groot.txt"), text);
    const store = openTestStore(temp.dir);
    loadedList(); // as in a running app that has read documents before (loading the word list once takes seconds)
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
      const summary = await ingestSources({ store, knowledgeDir, maxFileBytes: 20 * 1024 * 1024 });
      await new Promise((resolve) => setImmediate(resolve)); // the beat waiting behind the reading counts its pause
      reading = false;
      const whole = performance.now() - started;
      const passages = store.passagesOf("groot.txt").length;
      expect(summary.added).toEqual(["groot.txt"]);
      expect(passages).toBeGreaterThan(500);
      expect(longestPause / whole).toBeLessThan(0.25);
    } finally {
      reading = false;
    }
  }, 240_000);
});
