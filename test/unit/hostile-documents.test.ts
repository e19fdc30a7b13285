import { describe, expect, it } from "vitest";
import { IngestError } from "../../src/ingest/loaded-document.js";
import { loadSource } from "../../src/ingest/load-source.js";

const textOf = async (name: string, bytes: Buffer) => (await loadSource(name, bytes)).blocks.map((b) => b.text).join("\n\n");
const SENTENCE = "Het dorpshuis organiseert een koffieochtend in het café.";

describe("text files in the encodings people save them in, and pages nested too deep", () => {
  it("given a .txt in Windows-1252 (é as the one byte 0xE9), then its accents are read, not stored as \uFFFD", async () => {
    const text = await textOf("verslag.txt", Buffer.from(SENTENCE, "latin1"));
    expect(text).toBe(SENTENCE);
  });

  it("given a .md in UTF-16 with its byte-order mark (little and big endian), then it is read as text, not refused as binary", async () => {
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SENTENCE, "utf16le")]);
    const big = Buffer.from(little.subarray(2)).swap16();
    expect(await textOf("verslag.md", little)).toBe(SENTENCE);
    expect(await textOf("verslag.md", Buffer.concat([Buffer.from([0xfe, 0xff]), big]))).toBe(SENTENCE);
  });

  it("given a UTF-8 file with one damaged byte, then its other accents stay UTF-8 (not read as Windows-1252)", async () => {
    const bytes = Buffer.concat([Buffer.from("Coöperatie één ", "utf8"), Buffer.from([0xe9]), Buffer.from(" café.", "utf8")]);
    expect(await textOf("notulen.txt", bytes)).toBe("Coöperatie één \uFFFD café.");
  });

  it("given a page nested 100 000 elements deep, then a Dutch reason names it, not an unexpected error", async () => {
    const html = `<html><body>${"<div>".repeat(100_000)}<p>Diep genest.</p>${"</div>".repeat(100_000)}</body></html>`;
    const refused = await loadSource("diep.html", Buffer.from(html)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(IngestError);
    expect((refused as IngestError).message).toMatch(/te diep genest/);
  });
});
