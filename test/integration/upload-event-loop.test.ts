import fs from "node:fs";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, describe, expect, it, vi } from "vitest";
import { addDocumentFromChat } from "../../src/app/add-document-from-chat.js";
import { loadedList } from "../../src/core/text/dutch-dictionary.js";
import { makePdf } from "../helpers/make-pdf.js";
import { openTestStore, tempDir } from "../helpers/temp-knowledge.js";

/**
 * The main thread's own reader, counted: the worker thread imports its own copy of the module, which
 * this mock does not reach, so a count above zero means the document was read on the event loop.
 */
const mainThreadReads = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/ingest/read-document.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/ingest/read-document.js")>();
  return { ...original, readDocument: (...args: Parameters<typeof original.readDocument>) => (mainThreadReads.count++, original.readDocument(...args)) };
});

/** A PDF of `count` pages of 30 lines each, every line its own (no running headers to drop). */
function bigPdf(count: number): Buffer {
  return makePdf(Array.from({ length: count }, (_, page) => Array.from({ length: 30 }, (_, line) =>
    `Regel ${line} van blad ${page + 1}: vrijwilligers ${page * 31 + line} zetten zich in voor speeltuin ${line * 7 + page} en de moestuin.`)));
}

/**
 * A large document uploaded from chat is read (parsed and cut into passages) in a worker thread: the
 * event loop, on which every other conversation, the Slack acks and the Discord heartbeat run, is not
 * held while it is read. Checked by where it is read (not on this thread), not by a time: the longest
 * hold of the loop, as a share of the upload, is only printed (read on the loop itself, twice, it was
 * 0.41 of a 600-page upload; read once in a worker, 0.05). Speed belongs in benchmarks, not in tests.
 */
describe("an upload of a large document from chat", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a PDF of 200 full pages, then it is read in, in a worker thread, not on the event loop", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(knowledgeDir);
    const store = openTestStore(temp.dir);
    const bytes = bigPdf(200);
    loadedList(); // as in a running app, which reads the word list at its start
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const summary = await addDocumentFromChat({ fileName: "jaarverslagen.pdf", bytes }, { knowledgeDir, store, maxFileBytes: 20 * 1024 * 1024 });
    const took = performance.now() - started;
    delay.disable();
    expect(summary).toMatch(/1 toegevoegd/);
    expect(store.passagesOf("jaarverslagen.pdf").length).toBeGreaterThan(150);
    expect(mainThreadReads.count).toBe(0);
    const heldShare = delay.max / 1e6 / took;
    console.log(`upload: ${Math.round(took)} ms, longest hold of the event loop ${Math.round(delay.max / 1e6)} ms (${heldShare.toFixed(2)} of the upload)`);
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
