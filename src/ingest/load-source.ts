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

/**
 * Text files as people save them: UTF-8, or UTF-16 with its byte-order mark (Windows Notepad's
 * "Unicode"), or the older Windows-1252 that Word and Excel on Windows still write (é as one byte 0xE9).
 * A file of the latter is read as such instead of being stored as "Caf\uFFFD".
 */
function decodeText(bytes: Buffer): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : undefined;
  if (!utf16 && bytes.includes(0)) throw new IngestError("dit lijkt geen tekstbestand (binaire inhoud)");
  const text = decodedAs(bytes, utf16 ?? "utf-8").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!text.trim()) throw new IngestError("het bestand bevat geen tekst");
  return text;
}

/**
 * UTF-8 unless the bytes are not: then Windows-1252, but only when no character at all was valid UTF-8
 * beyond ASCII (a UTF-8 file with one damaged byte keeps its other accents, one character lost).
 */
function decodedAs(bytes: Buffer, encoding: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder(encoding).decode(bytes);
    const someValid = /[^\u0000-\u007F\uFFFD]/.test(lenient);
    return encoding === "utf-8" && !someValid ? new TextDecoder("windows-1252").decode(bytes) : lenient;
  }
}
