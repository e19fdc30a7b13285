import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { loadDocx } from "../../src/ingest/loaders/load-docx.js";
import { loadHtml } from "../../src/ingest/loaders/load-html.js";

/** A Word file as people write one without heading styles: headings are short bold paragraphs. */
async function wordFile(paragraphs: Array<{ text: string; bold?: boolean }>): Promise<Buffer> {
  const ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  const body = paragraphs.map(({ text, bold }) => `<w:p><w:r>${bold ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`).join("");
  const zip = new JSZip();
  zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  zip.file("word/document.xml", `<?xml version="1.0"?><w:document ${ns}><w:body>${body}</w:body></w:document>`);
  return zip.generateAsync({ type: "nodebuffer" });
}

describe("headings written as bold paragraphs", () => {
  it("given a Word file whose headings are short bold paragraphs, then each starts a section", async () => {
    const doc = await loadDocx(
      await wordFile([
        { text: "Het buurtbusplan", bold: true },
        { text: "Sinds 2019 rijdt er een buurtbus tussen de kernen." },
        { text: "Geld en subsidie", bold: true },
        { text: "De gemeente betaalt de brandstof en de provincie gaf een bijdrage voor de bus." },
      ]),
    );
    expect(doc.blocks.map((b) => [b.heading, b.text.split("\n").at(-1)])).toEqual([
      ["Het buurtbusplan", "Sinds 2019 rijdt er een buurtbus tussen de kernen."],
      ["Geld en subsidie", "De gemeente betaalt de brandstof en de provincie gaf een bijdrage voor de bus."],
    ]);
  });

  it("given bold inside a sentence, a bold sentence or a bold lead-in to a list, then none of them is a heading", () => {
    const doc = loadHtml(
      "<html><body><h1>Verslag</h1><p>We kregen <strong>veel</strong> steun.</p><p><strong>Dit besluit geldt voor iedereen.</strong></p><p><b>Wat we leerden:</b></p><ul><li>begin klein</li></ul></body></html>",
    );
    expect(doc.blocks.map((b) => b.heading)).toEqual(["Verslag"]);
  });

  it("given a table whose header cells are bold, then its header row is no heading: the table stays in its section", () => {
    const doc = loadHtml("<html><body><h1>Rooster</h1><p>Wie doet wat in de moestuin.</p><table><tr><th>Dag</th><th>Wie</th></tr><tr><td>Maandag</td><td>Bram</td></tr></table></body></html>");
    expect(doc.blocks.map((b) => b.heading)).toEqual(["Rooster"]);
  });
});
