import fs from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, describe, expect, it } from "vitest";
import { addDocumentFromChat } from "../../src/app/add-document-from-chat.js";
import { loadedList } from "../../src/core/text/dutch-dictionary.js";
import { makePdf } from "../helpers/make-pdf.js";
import { openTestStore, tempDir } from "../helpers/temp-knowledge.js";

/** A PDF of `count` pages of 30 lines each, every line its own (no running headers to drop). */
function bigPdf(count: number): Buffer {
  return makePdf(Array.from({ length: count }, (_, page) => Array.from({ length: 30 }, (_, line) =>
    `Regel ${line} van blad ${page + 1}: vrijwilligers ${page * 31 + line} zetten zich in voor speeltuin ${line * 7 + page} en de moestuin.`)));
}

/**
 * A large document uploaded from chat is read (parsed and cut into passages) in a worker thread: the
 * event loop, on which every other conversation, the Slack acks and the Discord heartbeat run, is not
 * held while it is read. Measured as a ratio, not a time: the longest the loop was held, as a share of
 * the whole upload. Read on the loop itself (twice: to check it, then to store it), one reading held it
 * for seconds, 0.41 of the upload here; read once in a worker, 0.05: only the store's writes remain, which
 * give the loop back.
 */
describe("an upload of a large document from chat", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a PDF of 600 full pages, then it is read in and the event loop is never held for more than a small part of the upload", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(knowledgeDir);
    const store = openTestStore(temp.dir);
    const bytes = bigPdf(600);
    loadedList(); // as in a running app, which reads the word list at its start
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const summary = await addDocumentFromChat({ fileName: "jaarverslagen.pdf", bytes }, { knowledgeDir, store, maxFileBytes: 20 * 1024 * 1024 });
    const took = performance.now() - started;
    delay.disable();
    expect(summary).toMatch(/1 toegevoegd/);
    expect(store.passagesOf("jaarverslagen.pdf").length).toBeGreaterThan(500);
    const heldShare = delay.max / 1e6 / took;
    console.log(`upload: ${Math.round(took)} ms, longest hold of the event loop ${Math.round(delay.max / 1e6)} ms (${heldShare.toFixed(2)} of the upload)`);
    expect(heldShare).toBeLessThan(0.2);
  }, 300_000);

  it("given a PDF that is not one and an empty Word file, then the same Dutch reasons as before, and nothing is kept", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge2");
    fs.mkdirSync(knowledgeDir);
    const store = openTestStore(path.join(temp.dir, "tweede"));
    const options = { knowledgeDir, store, maxFileBytes: 1024 * 1024 };
    expect(await addDocumentFromChat({ fileName: "kapot.pdf", bytes: Buffer.from("dit is geen pdf") }, options)).toMatch(/geen geldige PDF/);
    expect(await addDocumentFromChat({ fileName: "leeg.docx", bytes: Buffer.alloc(0) }, options)).toMatch(/niet ingelezen|Word|docx/i);
    expect(fs.readdirSync(knowledgeDir)).toEqual([]);
  }, 120_000);
});
