import { plainTitle, repeatsTitle } from "./plain-title.js";
import { repairOcrText } from "./text/ocr-repair.js";

/** Descriptive metadata of a knowledge document, edited by maintainers in knowledge/metadata.json. */
export type DocumentMeta = {
  title: string;
  /** verslag, toolkit, bewezen aanpak, advies, projectplan, presentatie, antwoord van tolk, … */
  kind: string;
  organisation?: string;
  year?: string;
  region?: string;
  themes: string[];
  url?: string;
};

export type StoredDocument = DocumentMeta & {
  /** Path relative to the knowledge folder (or the source URL); stable across runs. */
  id: string;
  contentHash: string;
  sizeBytes: number;
  passageCount: number;
  ingestedAt: string;
};

export type PassageDraft = {
  /** The nearest heading, or "pagina N" for PDFs. */
  section?: string;
  page?: number;
  text: string;
};

export type Passage = PassageDraft & {
  /** `<document id>#<ordinal>`: stable while the document is unchanged. */
  id: string;
  documentId: string;
  ordinal: number;
  /** Index terms of the passage (analyzed text), used to explain a match. */
  terms: string[];
};

export type SearchHit = {
  passage: Passage;
  document: Pick<StoredDocument, "id" | "title" | "kind" | "year" | "organisation">;
  /** BM25 score; higher is better. Comparable only within one query. */
  score: number;
};

/**
 * A readable source label, the one formatter of every channel: "Title — section" or "Title — pagina 3"
 * (OCR-damaged words of a section repaired; a section that repeats the title left out; plain text).
 */
export function sourceLabel(hit: SearchHit): string {
  const title = plainTitle(hit.document.title);
  const raw = hit.passage.section && plainTitle(hit.passage.section);
  const section = raw && !repeatsTitle(raw, title) ? repairOcrText(raw) : undefined;
  const shown = section && section.length > 80
    ? `${section.slice(0, 77).replace(/\s\S*$/, "")} …`
    : section;
  const where = shown ?? (hit.passage.page ? `pagina ${hit.passage.page}` : undefined);
  return where ? `${title} — ${where}` : title;
}
