import { dutchDictionary, knowsWordOrName } from "../../core/text/dutch-dictionary.js";
import { IngestError, type LoadedDocument } from "../loaded-document.js";
import { type PdfPage, pdfBlocks } from "./pdf-layout.js";

type TextItem = { str: string; hasEOL?: boolean; width: number; transform: number[] };

/**
 * The most pages read. pdf.js finds each page by walking the page tree from its start, so time grows
 * with the square of the pages: a 12 MB file of 100 000 empty or repeated pages held the assistant
 * (web chat and all) for more than ten minutes at over 1 GB; 2 000 pages take a second or two.
 */
export const MAX_PDF_PAGES = 2000;

/**
 * PDFs with pdf.js, read as a person reads them (see pdf-layout.ts): sections under the headings set
 * in a larger font, paragraphs whole, running headers and page numbers left out. A PDF without such
 * headings is a block per page, cited as "pagina N".
 */
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
    if (pdf.numPages > MAX_PDF_PAGES) {
      throw new IngestError(`de PDF heeft ${pdf.numPages.toLocaleString("nl-NL")} pagina's; meer dan ${MAX_PDF_PAGES.toLocaleString("nl-NL")} lees ik niet in (splits hem in delen)`);
    }
    const pages: PdfPage[] = [];
    for (let page = 1; page <= pdf.numPages; page++) {
      const content = await (await pdf.getPage(page)).getTextContent();
      const items = (content.items as TextItem[]).filter((item) => typeof item.str === "string" && Array.isArray(item.transform));
      // transform = [a, b, c, d, x, y]: the vertical scale (c, d) is the font size on the page.
      pages.push({ page, items: items.map((item) => ({ str: item.str, hasEOL: item.hasEOL, width: item.width, x: item.transform[4]!, y: item.transform[5]!, size: Math.hypot(item.transform[2]!, item.transform[3]!) })) });
    }
    const dictionary = dutchDictionary();
    const { blocks, opening } = pdfBlocks(pages, (word) => (dictionary ? knowsWordOrName(dictionary, word) : false));
    const info = (await pdf.getMetadata().catch(() => undefined))?.info as { Title?: string } | undefined;
    if (blocks.length === 0) throw new IngestError("de PDF bevat geen tekst (alleen afbeeldingen? laat hem eerst door OCR lezen)");
    // No title in the file's properties: the heading the first page opens with.
    return { title: info?.Title?.trim() || opening, blocks };
  } finally {
    await task.destroy();
  }
}
