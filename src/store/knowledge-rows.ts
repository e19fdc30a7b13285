import type { Passage, SearchHit, StoredDocument } from "../core/types.js";

export type DocumentRow = {
  id: string; title: string; kind: string; organisation: string | null; year: string | null;
  region: string | null; themes: string; url: string | null; content_hash: string; size_bytes: number;
  passage_count: number; ingested_at: string;
};
export type HitRow = {
  id: string; document_id: string; ordinal: number; section: string | null; page: number | null;
  text: string; terms: string; title: string; kind: string; year: string | null;
  organisation: string | null; rank: number;
};

/** What a search hit reads of a passage (p) and its document (d). */
export const HIT_COLUMNS = "p.id, p.document_id, p.ordinal, p.section, p.page, p.text, p.terms, d.title, d.kind, d.year, d.organisation";

export function toDocument(row: DocumentRow): StoredDocument {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    organisation: row.organisation ?? undefined,
    year: row.year ?? undefined,
    region: row.region ?? undefined,
    themes: JSON.parse(row.themes) as string[],
    url: row.url ?? undefined,
    contentHash: row.content_hash,
    sizeBytes: row.size_bytes,
    passageCount: row.passage_count,
    ingestedAt: row.ingested_at,
  };
}

export function toPassage(row: Pick<HitRow, "id" | "document_id" | "ordinal" | "section" | "page" | "text" | "terms">): Passage {
  return {
    id: row.id,
    documentId: row.document_id,
    ordinal: row.ordinal,
    section: row.section ?? undefined,
    page: row.page ?? undefined,
    text: row.text,
    terms: row.terms ? row.terms.split(" ") : [],
  };
}

export function toHit(row: HitRow): SearchHit {
  return {
    passage: toPassage(row),
    document: {
      id: row.document_id, title: row.title, kind: row.kind,
      year: row.year ?? undefined, organisation: row.organisation ?? undefined,
    },
    score: -row.rank,
  };
}
