import { IngestError, type LoadedDocument, type TextBlock } from "../loaded-document.js";

type TextItem = { str: string; hasEOL?: boolean };

/** PDFs page by page with pdf.js; each page is a block, cited as "pagina N". */
export async function loadPdf(bytes: Buffer): Promise<LoadedDocument> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === "PasswordException") throw new IngestError("de PDF is beveiligd met een wachtwoord");
    throw new IngestError("geen geldige PDF: het bestand is beschadigd of is eigenlijk geen PDF", (error as Error).message);
  }
  try {
    const blocks: TextBlock[] = [];
    for (let page = 1; page <= pdf.numPages; page++) {
      const content = await (await pdf.getPage(page)).getTextContent();
      const text = (content.items as TextItem[])
        .map((item) => item.str + (item.hasEOL ? "\n" : ""))
        .join("")
        .replace(/[ \t]+\n/g, "\n")
        .trim();
      if (text) blocks.push({ page, text, heading: `pagina ${page}` });
    }
    const info = (await pdf.getMetadata().catch(() => undefined))?.info as { Title?: string } | undefined;
    if (blocks.length === 0) throw new IngestError("de PDF bevat geen tekst (alleen afbeeldingen? laat hem eerst door OCR lezen)");
    return { title: info?.Title?.trim() || undefined, blocks };
  } finally {
    await task.destroy();
  }
}
