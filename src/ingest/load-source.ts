import path from "node:path";
import { withoutInvisibleMarks } from "../core/text/fold.js";
import { IngestError, type LoadedDocument } from "./loaded-document.js";
import { loadDocx } from "./loaders/load-docx.js";
import { loadHtml } from "./loaders/load-html.js";
import { loadMarkdown } from "./loaders/load-markdown.js";
import { loadPdf } from "./loaders/load-pdf.js";
import { loadPlainText } from "./loaders/load-plain-text.js";

export const SUPPORTED_EXTENSIONS = [".txt", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm"] as const;

/** Reads the bytes of one source by its file type; throws IngestError with a reason a maintainer understands. */
export async function loadSource(name: string, bytes: Buffer): Promise<LoadedDocument> {
  return cleanCharacters(await loadByType(name, bytes));
}

/**
 * Invisible marks (soft hyphens, zero-width characters; see withoutInvisibleMarks) would cut a word in two
 * for the index and for a quote's comparison: they are left out of what is stored. Typographic
 * ligatures, as PDFs give them ("ﬁnanciering"), become their letters.
 */
const LIGATURE = /[\uFB00-\uFB06]/g;

function cleanCharacters(doc: LoadedDocument): LoadedDocument {
  const clean = (text: string) => withoutInvisibleMarks(text).replace(LIGATURE, (ligature) => ligature.normalize("NFKC"));
  return {
    ...doc,
    title: doc.title === undefined ? undefined : clean(doc.title),
    blocks: doc.blocks.map((block) => ({ ...block, text: clean(block.text), heading: block.heading === undefined ? undefined : clean(block.heading) })),
  };
}

async function loadByType(name: string, bytes: Buffer): Promise<LoadedDocument> {
  const extension = path.extname(name).toLowerCase();
  if (bytes.length === 0) throw new IngestError("het bestand is leeg");
  switch (extension) {
    case ".pdf":
      return loadPdf(bytes);
    case ".docx":
      return loadDocx(bytes);
    case ".txt":
      return loadPlainText(decodeText(bytes));
    case ".md":
    case ".markdown":
      return loadMarkdown(decodeText(bytes));
    case ".html":
    case ".htm":
      return loadHtml(decodeText(bytes));
    case ".doc":
      throw new IngestError("oud Word-formaat (.doc): sla het op als .docx en probeer opnieuw");
    default:
      throw new IngestError(
        `bestandstype ${extension || "(geen extensie)"} wordt niet ondersteund (wel: ${SUPPORTED_EXTENSIONS.join(", ")})`,
      );
  }
}

function decodeText(bytes: Buffer): string {
  if (bytes.includes(0)) throw new IngestError("dit lijkt geen tekstbestand (binaire inhoud)");
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!text.trim()) throw new IngestError("het bestand bevat geen tekst");
  return text;
}
