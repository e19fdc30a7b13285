import type Database from "better-sqlite3";
import type { KnowledgeIndex, QueryTermSpec } from "../core/ports.js";
import type { Passage, PassageDraft, SearchHit, StoredDocument } from "../core/types.js";
import { ANALYZER_VERSION } from "../core/text/analyzer.js";
import type { DocumentStore } from "../ingest/ports.js";
import { FullTextIndex } from "./full-text-index.js";
import { toDocument, toPassage, type DocumentRow, type HitRow } from "./knowledge-rows.js";
import { analysePassages } from "./passage-analysis.js";

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
    const stored: StoredDocument = { ...doc, passageCount: drafts.length, ingestedAt: new Date().toISOString() };
    const analysed = analysePassages(doc.title, drafts);
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
   */
  reanalyzeIfOutdated(): number {
    const readVersion = this.db.prepare("SELECT value FROM store_meta WHERE key = 'analyzer_version'").pluck();
    if (readVersion.get() === String(ANALYZER_VERSION)) return 0;
    return this.db.transaction(() => {
      let count = 0;
      const passagesOf = this.db.prepare("SELECT rowid, section, text FROM passages WHERE document_id = ? ORDER BY ordinal");
      const setTerms = this.db.prepare("UPDATE passages SET terms = ?, term_count = ? WHERE rowid = ?");
      for (const doc of this.listDocuments()) {
        const rows = passagesOf.all(doc.id) as Array<{ rowid: number; section: string | null; text: string }>;
        const analysed = analysePassages(doc.title, rows.map((row) => ({ section: row.section ?? undefined, text: row.text })));
        this.fullText.deleteFtsRowsOf(doc.id);
        rows.forEach((row, ordinal) => {
          setTerms.run(analysed[ordinal]!.body, analysed[ordinal]!.bodyCount, row.rowid);
          this.fullText.insertFts(row.rowid, analysed[ordinal]!);
        });
        count += rows.length;
      }
      this.db
        .prepare("INSERT INTO store_meta (key, value) VALUES ('analyzer_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .run(String(ANALYZER_VERSION));
      this.fullText.noteWrite();
      return count;
    })();
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
