import type Database from "better-sqlite3";
import type { KnowledgeIndex, QueryTermSpec } from "../core/ports.js";
import type { Passage, PassageDraft, SearchHit, StoredDocument } from "../core/types.js";
import { ANALYZER_VERSION } from "../core/text/analyzer.js";
import type { DocumentStore } from "../ingest/ports.js";
import { FullTextIndex } from "./full-text-index.js";
import { toDocument, toPassage, type DocumentRow, type HitRow } from "./knowledge-rows.js";
import { analysePassages, analysePassagesYielding, type AnalysedPassage } from "./passage-analysis.js";

/**
 * Documents and passages with their full-text index, in the embedded SQLite database. Documents are
 * kept here; searching is FullTextIndex's (full-text-index.ts), the index terms passage-analysis.ts's.
 */
export class KnowledgeStore implements KnowledgeIndex, DocumentStore {
  private readonly fullText: FullTextIndex;

  constructor(private readonly db: Database.Database) {
    this.fullText = new FullTextIndex(db);
    // A store without passages is written with today's analysis from the start.
    db.prepare(
      "INSERT OR IGNORE INTO store_meta (key, value) SELECT 'analyzer_version', ? WHERE NOT EXISTS (SELECT 1 FROM passages)",
    ).run(String(ANALYZER_VERSION));
  }

  getDocument(id: string): StoredDocument | undefined {
    const row = this.db.prepare("SELECT * FROM documents WHERE id = ?").get(id) as DocumentRow | undefined;
    return row && toDocument(row);
  }

  listDocuments(): StoredDocument[] {
    return (this.db.prepare("SELECT * FROM documents ORDER BY id").all() as DocumentRow[]).map(toDocument);
  }

  /**
   * Puts a document and all its passages in place of any earlier version, in one transaction. The text
   * is analysed before it (the first analysis may load the Dutch word list, seconds): other writers
   * (the chat, the inbox) wait only for the writes, never for the analysis.
   */
  replaceDocument(doc: Omit<StoredDocument, "passageCount" | "ingestedAt">, drafts: PassageDraft[]): StoredDocument {
    return this.writeDocument(doc, drafts, analysePassages(doc.title, drafts));
  }

  /**
   * The same, with the analysis done a slice at a time and the event loop free in between, for
   * documents read in while the app answers (a large upload in the team view took half a minute in
   * which no question was answered).
   */
  async replaceDocumentYielding(doc: Omit<StoredDocument, "passageCount" | "ingestedAt">, drafts: PassageDraft[]): Promise<StoredDocument> {
    return this.writeDocument(doc, drafts, await analysePassagesYielding(doc.title, drafts));
  }

  private writeDocument(doc: Omit<StoredDocument, "passageCount" | "ingestedAt">, drafts: PassageDraft[], analysed: AnalysedPassage[]): StoredDocument {
    const stored: StoredDocument = { ...doc, passageCount: drafts.length, ingestedAt: new Date().toISOString() };
    const insertPassage = this.db.prepare(
      "INSERT INTO passages (id, document_id, ordinal, section, page, text, terms, term_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    );
    this.db.transaction(() => {
      this.deletePassages(doc.id);
      this.db
        .prepare(
          `INSERT INTO documents (id, title, kind, organisation, year, region, themes, url, content_hash, size_bytes, passage_count, ingested_at)
           VALUES (@id, @title, @kind, @organisation, @year, @region, @themes, @url, @contentHash, @sizeBytes, @passageCount, @ingestedAt)
           ON CONFLICT(id) DO UPDATE SET title = excluded.title, kind = excluded.kind, organisation = excluded.organisation,
             year = excluded.year, region = excluded.region, themes = excluded.themes, url = excluded.url,
             content_hash = excluded.content_hash, size_bytes = excluded.size_bytes,
             passage_count = excluded.passage_count, ingested_at = excluded.ingested_at`,
        )
        .run({
          ...stored,
          organisation: stored.organisation ?? null,
          year: stored.year ?? null,
          region: stored.region ?? null,
          url: stored.url ?? null,
          themes: JSON.stringify(stored.themes),
        });
      drafts.forEach((draft, ordinal) => {
        const { lastInsertRowid } = insertPassage.run(
          `${doc.id}#${ordinal}`, doc.id, ordinal, draft.section ?? null, draft.page ?? null, draft.text,
          analysed[ordinal]!.body, analysed[ordinal]!.bodyCount,
        );
        this.fullText.insertFts(lastInsertRowid, analysed[ordinal]!);
      });
    })();
    return stored;
  }

  /**
   * Derives every passage's index terms again from its stored text when the text analysis has changed
   * since they were written (ANALYZER_VERSION), so an upgraded store finds what it holds without
   * fetching its documents again. Returns how many passages were analysed again.
   *
   * As in replaceDocument, each document is analysed before its write transaction (a large store takes
   * seconds, the first analysis loads the Dutch word list): the chat and the inbox wait only for one
   * document's writes. A document replaced meanwhile by another process is analysed again from its new
   * passages; after a few such rounds the last one is done inside the transaction.
   */
  reanalyzeIfOutdated(): number {
    if (this.analyzerVersion() === String(ANALYZER_VERSION)) return 0;
    const passagesOf = this.db.prepare("SELECT rowid, section, text FROM passages WHERE document_id = ? ORDER BY ordinal");
    const setTerms = this.db.prepare("UPDATE passages SET terms = ?, term_count = ? WHERE rowid = ?");
    const rowsOf = (id: string) => passagesOf.all(id) as PassageText[];
    const reanalyse = (doc: StoredDocument, attempt: number): number | undefined => {
      const rows = rowsOf(doc.id);
      const analysed = attempt < REANALYSE_ATTEMPTS ? analysePassages(doc.title, rows.map(draftOf)) : undefined;
      return this.db.transaction(() => {
        const now = rowsOf(doc.id);
        const title = this.getDocument(doc.id)?.title;
        if (title === undefined) return 0; // removed meanwhile
        const unchanged = analysed !== undefined && title === doc.title && samePassages(rows, now);
        if (!unchanged && attempt < REANALYSE_ATTEMPTS) return undefined; // replaced meanwhile: again, outside
        const terms = unchanged ? analysed : analysePassages(title, now.map(draftOf));
        this.fullText.deleteFtsRowsOf(doc.id);
        now.forEach((row, ordinal) => {
          setTerms.run(terms[ordinal]!.body, terms[ordinal]!.bodyCount, row.rowid);
          this.fullText.insertFts(row.rowid, terms[ordinal]!);
        });
        return now.length;
      })();
    };
    let count = 0;
    const done = new Set<string>();
    for (let attempt = 1; attempt <= REANALYSE_ATTEMPTS; attempt++) {
      // Documents added meanwhile by an up-to-date writer are analysed once more here: harmless.
      for (const doc of this.listDocuments().filter((d) => !done.has(d.id))) {
        const written = reanalyse(doc, attempt);
        if (written === undefined) continue;
        count += written;
        done.add(doc.id);
      }
    }
    return this.db.transaction(() => {
      for (const doc of this.listDocuments().filter((d) => !done.has(d.id))) count += reanalyse(doc, REANALYSE_ATTEMPTS) ?? 0;
      this.db
        .prepare("INSERT INTO store_meta (key, value) VALUES ('analyzer_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .run(String(ANALYZER_VERSION));
      this.fullText.noteWrite();
      return count;
    })();
  }

  private analyzerVersion(): unknown {
    return this.db.prepare("SELECT value FROM store_meta WHERE key = 'analyzer_version'").pluck().get();
  }

  /** Leaves no word of removed passages in the full-text index's older segments (kennis -- vergeet). */
  dropRemovedWords(): void {
    this.fullText.mergeSegments();
  }

  removeDocument(id: string): boolean {
    return this.db.transaction(() => {
      this.deletePassages(id);
      return this.db.prepare("DELETE FROM documents WHERE id = ?").run(id).changes > 0;
    })();
  }

  passagesOf(documentId: string): Passage[] {
    const rows = this.db
      .prepare("SELECT id, document_id, ordinal, section, page, text, terms FROM passages WHERE document_id = ? ORDER BY ordinal")
      .all(documentId) as HitRow[];
    return rows.map(toPassage);
  }

  search(terms: readonly QueryTermSpec[], limit: number): SearchHit[] {
    return this.fullText.search(terms, limit);
  }

  hitsByIds(ids: readonly string[]): SearchHit[] {
    return this.fullText.hitsByIds(ids);
  }

  documentFrequencies(terms: readonly string[]): Map<string, number> {
    return this.fullText.documentFrequencies(terms);
  }

  cachedTermCount(): number {
    return this.fullText.cachedTermCount();
  }

  passageCount(): number {
    return this.fullText.passageCount();
  }

  averagePassageLength(): number {
    return this.fullText.averagePassageLength();
  }

  isKnownTerm(term: string): boolean {
    return this.fullText.isKnownTerm(term);
  }

  commonTerms(minPassages: number, limit: number): string[] {
    return this.fullText.commonTerms(minPassages, limit);
  }

  isKnownPrefix(prefix: string): boolean {
    return this.fullText.isKnownPrefix(prefix);
  }

  termVocabulary(): ReadonlyMap<string, number> {
    return this.fullText.termVocabulary();
  }

  private deletePassages(documentId: string): void {
    this.fullText.noteWrite();
    this.fullText.deleteFtsRowsOf(documentId);
    this.db.prepare("DELETE FROM passages WHERE document_id = ?").run(documentId);
  }
}

/** Rounds of analysing outside the write transaction before a document replaced each time is done inside. */
const REANALYSE_ATTEMPTS = 3;

type PassageText = { rowid: number; section: string | null; text: string };

const draftOf = (row: PassageText) => ({ section: row.section ?? undefined, text: row.text });

function samePassages(a: readonly PassageText[], b: readonly PassageText[]): boolean {
  return a.length === b.length && a.every((row, i) => row.rowid === b[i]!.rowid && row.section === b[i]!.section && row.text === b[i]!.text);
}
