import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { loadedList } from "../../src/core/text/dutch-dictionary.js";
import { useWordMemory } from "../../src/core/text/word-memory.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { watchTurnsBetweenSteps } from "../helpers/loop-turns.js";
import { openTestStore, REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

/**
 * A large document read in by the running app (an upload in the team view) must not stop it from
 * answering: the analysis gives the event loop back between slices. A callback rescheduling itself on
 * the event loop shows it: it runs between most of the analysis's slices (a count of turns, not a time:
 * the machine's speed does not change it), where an analysis that held the loop let it run between none.
 * Each slice ends by handing its word answers to the word memory (flush): that counts the slices.
 */
describe("reading in a large document while the process serves others", () => {
  const temp = tempDir();
  afterEach(() => useWordMemory());
  afterAll(() => temp.cleanup());

  it("given a document of about a megabyte being read in, then other work runs between most slices of its analysis", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(knowledgeDir);
    const report = fs.readFileSync(path.join(REPO_ROOT, "knowledge", "verslag-verkennersbijeenkomst-vliegwiel-2020.txt"), "utf8");
    let text = "";
    while (text.length < 1_000_000) text += `${report}\n\n`;
    fs.writeFileSync(path.join(knowledgeDir, "groot.txt"), text);
    const store = openTestStore(temp.dir);
    loadedList(); // as in a running app that has read documents before (loading the word list once takes seconds)
    let slicesAnalysed = 0;
    useWordMemory({ recall: () => undefined, remember: () => {}, flush: () => slicesAnalysed++ });
    const turns = watchTurnsBetweenSteps(() => slicesAnalysed);
    const summary = await ingestSources({ store, knowledgeDir, maxFileBytes: 20 * 1024 * 1024 });
    const { steps, turnsBetween } = await turns.stop();
    const passages = store.passagesOf("groot.txt").length;
    expect(summary.added).toEqual(["groot.txt"]);
    expect(passages).toBeGreaterThan(500);
    // Some 16 passages a slice: over 30 slices, with other work between most of them.
    expect(steps).toBeGreaterThan(30);
    expect(turnsBetween).toBeGreaterThan(steps / 2);
  }, 240_000);
});
