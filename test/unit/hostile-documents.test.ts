import { HTMLElement, parse } from "node-html-parser";
import { describe, expect, it, vi } from "vitest";
import { IngestError } from "../../src/ingest/loaded-document.js";
import { loadSource } from "../../src/ingest/load-source.js";

/** A PDF of `pages` pages that all show the same one line (a few bytes each: one shared content stream). */
function pdfOfPages(pages: number): Buffer {
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(" ")}] /Count ${pages} >>`];
  for (let i = 0; i < pages; i++) objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${3 + pages} 0 R >>`);
  const stream = "BT /F1 12 Tf 72 720 Td (Subsidie voor het dorpshuis) Tj ET";
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  let body = "%PDF-1.4\n";
  const offsets = objects.map((object, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  return Buffer.from(`${body}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, "latin1");
}

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

  it("given a page of asides left unclosed (the parser nests them), then the work grows with the page, not with the cube of its depth (1 000 took 33 s, 10 000 hours), and the aside in its article is read", async () => {
    // The work counted as the attributes looked at: the element walk and the parser's selector engine both read them.
    const attributes = vi.spyOn(HTMLElement.prototype, "getAttribute");
    const html = `<html><body><div>${"<aside><p>Deel dit bericht.</p>".repeat(300)}</div><article><p>${SENTENCE}</p><aside><p>Tip: begin klein.</p></aside></article></body></html>`;
    const text = await textOf("veel-kaders.html", Buffer.from(html));
    expect(attributes.mock.calls.length).toBeLessThan(30 * 300);
    attributes.mockRestore();
    expect(text).toContain(SENTENCE);
    expect(text).toContain("Tip: begin klein.");
  });

  it("given tables in each other's cells, then each is read once (a table read itself and its cells read it again: the work doubled with each table, 20 took minutes)", async () => {
    // The work counted as the parser's searches: each table looks once whether its cells hold blocks of their own.
    const searches = vi.spyOn(HTMLElement.prototype, "querySelector");
    const html = `<html><body><main>${"<table><tr><td>Dag</td><td>".repeat(16)}${SENTENCE}${"</td></tr></table>".repeat(16)}</main></body></html>`;
    const text = await textOf("tabellen.html", Buffer.from(html));
    expect(searches.mock.calls.length).toBeLessThan(10 * 16);
    searches.mockRestore();
    expect(text).toContain(SENTENCE);
    expect(text.match(/Dag/g)).toHaveLength(16);
  });

  it("given a page of 3 000 share bars side by side, then they go in one walk (one at a time, each copied its parent's list of children: 40 000 took 13 s), and the content stays", async () => {
    const one = vi.spyOn(HTMLElement.prototype, "remove");
    const replaced = vi.spyOn(HTMLElement.prototype, "replaceWith");
    const calls = () => one.mock.calls.length + replaced.mock.calls.length;
    const html = `<html><body>${'<div class="share"><a>Deel</a></div><script>track()</script>'.repeat(3000)}<div class="share">open gelaten <p>${SENTENCE}</p></body></html>`;
    // The parser's own use of them (closing what was left open) is not the reader's: the read makes no call more.
    parse(html, { comment: false, parseNoneClosedTags: true });
    const byTheParser = calls();
    one.mockClear();
    replaced.mockClear();
    const text = await textOf("deelknoppen.html", Buffer.from(html));
    expect(calls()).toBe(byTheParser);
    one.mockRestore();
    replaced.mockRestore();
    expect(text).toContain(SENTENCE);
    expect(text).not.toMatch(/Deel|track/);
  });

  it("given a PDF of more than 2 000 pages (pdf.js takes time by the square of its pages), then it is refused by its page count before any page is read", async () => {
    const refused = await loadSource("veel.pdf", pdfOfPages(2001)).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(IngestError);
    expect((refused as IngestError).message).toBe("de PDF heeft 2.001 pagina's; meer dan 2.000 lees ik niet in (splits hem in delen)");
  });

  it("given a PDF of a few such pages, then it is read (the builder above makes a readable PDF)", async () => {
    expect((await loadSource("kort.pdf", pdfOfPages(1))).blocks.map((b) => b.text).join(" ")).toContain("Subsidie voor het dorpshuis");
  });

  it("given Markdown headings with closing #s, then their text is as before; and a heading line with a long run of spaces is read at once (it backtracked in cubic time: 4 000 spaces took 9 s)", async () => {
    const headings = async (md: string) => (await loadSource("notulen.md", Buffer.from(md))).blocks.map((b) => b.heading);
    expect(await headings("# Titel ##\n\nTekst een.\n\n## Tweede\t#\t\n\nTekst twee.\n\n### Drie #b\n\nTekst drie.")).toEqual(["Titel", "Tweede", "Drie #b"]);
    expect(await headings(`# Lange${" ".repeat(20_000)}kop\n\nTekst onder de kop.`)).toEqual([`Lange${" ".repeat(20_000)}kop`.replace(/\s+/g, " ")]);
  });
});
