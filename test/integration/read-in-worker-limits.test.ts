import { describe, expect, it } from "vitest";
import { IngestError } from "../../src/ingest/loaded-document.js";
import { readDocumentInWorker } from "../../src/ingest/read-in-worker.js";
import { makePdf } from "../helpers/make-pdf.js";

const pdf = (pages: number) => makePdf(Array.from({ length: pages }, (_, page) => Array.from({ length: 30 }, (_, line) => `Regel ${line} van blad ${page + 1}: de buurtbus rijdt op dinsdag en vrijdag naar de markt.`)));

/** A reading in the worker thread has a deadline and a memory limit: a hostile file is refused in Dutch, the app goes on. */
describe("reading an uploaded document in a worker thread, within limits", () => {
  it("given a reading that passes its deadline, then it is stopped and refused with a Dutch reason", async () => {
    const reading = readDocumentInWorker("jaarverslag.pdf", pdf(50), { deadlineMs: 1, memoryMb: 1536 });
    await expect(reading).rejects.toBeInstanceOf(IngestError);
    await expect(reading).rejects.toThrow(/duurde langer dan 1 minuut/);
  }, 60_000);

  it("given a reading that needs more memory than it may use, then it stops itself and is refused with a Dutch reason", async () => {
    const reading = readDocumentInWorker("jaarverslag.pdf", pdf(400), { deadlineMs: 120_000, memoryMb: 8 });
    await expect(reading).rejects.toBeInstanceOf(IngestError);
    await expect(reading).rejects.toThrow(/te veel geheugen|stopte onverwacht/);
  }, 120_000);

  it("given a document within its limits, then its passages", async () => {
    const read = await readDocumentInWorker("jaarverslag.pdf", pdf(3));
    expect(read.passages.length).toBeGreaterThan(0);
    expect(read.passages.map((p) => p.text).join(" ")).toContain("buurtbus");
  }, 60_000);
});
