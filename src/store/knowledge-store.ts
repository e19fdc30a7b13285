import type Database from "better-sqlite3";
import type { KnowledgeIndex, QueryTermSpec } from "../core/ports.js";
import type { Passage, PassageDraft, SearchHit, StoredDocument } from "../core/types.js";
import { ANALYZER_VERSION, analyzeText } from "../core/text/analyzer.js";

type DocumentRow = {
  id: string; title: string; kind: string; organisation: string | null; year: string | null;
  region: string | null; themes: string; url: string | null; content_hash: string; size_bytes: number;
  passage_count: number; ingested_at: string;
};
type HitRow = {
  id: string; document_id: string; ordinal: number; section: string | null; page: number | null;
  text: string; terms: string; title: string; kind: string; year: string | null;
  organisation: string | null; rank: number;
};

/**
 * Column weights for BM25: the body counts most; the title, the heading and the neighbouring passages
 * (a sentence cut by a passage boundary still counts for both halves) add context.
 */
const BM25_WEIGHTS = { title: 0.4, section: 0.8, body: 1.0, context: 0.3 };

/** How many single-term searches are kept (the oldest goes first). */
const CHAMPION_LISTS_KEPT = 500;

/** What a search hit reads of a passage (p) and its document (d). */
const HIT_COLUMNS = "p.id, p.document_id, p.ordinal, p.section, p.page, p.text, p.terms, d.title, d.kind, d.year, d.organisation";

/** Documents and passages with their full-text index, in the embedded SQLite database. */
export class KnowledgeStore implements KnowledgeIndex {
  private stats:
    | { dataVersion: number; passages: number; df: Map<string, number>; averageLength?: number; championLists: Map<string, SearchHit[]> }
    | undefined;

  constructor(private readonly db: Database.Database) {
    const { title, section, body, context } = BM25_WEIGHTS;
    db.prepare("INSERT INTO passages_fts (passages_fts, rank) VALUES ('rank', ?)").run(`bm25(${title}, ${section}, ${body}, ${context})`);
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

  /** Puts a document and all its passages in place of any earlier version, in one transaction. */
  replaceDocument(doc: Omit<StoredDocument, "passageCount" | "ingestedAt">, drafts: PassageDraft[]): StoredDocument {
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
      const analysed = analysePassages(doc.title, drafts);
      drafts.forEach((draft, ordinal) => {
        const { lastInsertRowid } = insertPassage.run(
          `${doc.id}#${ordinal}`, doc.id, ordinal, draft.section ?? null, draft.page ?? null, draft.text,
          analysed[ordinal]!.body, analysed[ordinal]!.bodyCount,
        );
        this.insertFts(lastInsertRowid, analysed[ordinal]!);
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
        this.deleteFtsRowsOf(doc.id);
        rows.forEach((row, ordinal) => {
          setTerms.run(analysed[ordinal]!.body, analysed[ordinal]!.bodyCount, row.rowid);
          this.insertFts(row.rowid, analysed[ordinal]!);
        });
        count += rows.length;
      }
      this.db
        .prepare("INSERT INTO store_meta (key, value) VALUES ('analyzer_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .run(String(ANALYZER_VERSION));
      this.localWrites++;
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
    const unique = [...new Set(terms.filter((t) => /^[\p{L}\p{N}]+$/u.test(t.term)).map((t) => `"${t.term}"${t.prefix ? "*" : ""}`))];
    if (unique.length === 0) return [];
    const match = unique.join(" OR ");
    // Ranking on the FTS table alone lets FTS5 keep only the best `limit` rows; the join comes after.
    this.searchStatement ??= this.db.prepare(
      `SELECT ${HIT_COLUMNS}, best.rank AS rank
       FROM (SELECT rowid, rank FROM passages_fts WHERE passages_fts MATCH ? ORDER BY rank LIMIT ?) AS best
       JOIN passages p ON p.rowid = best.rowid
       JOIN documents d ON d.id = p.document_id
       ORDER BY best.rank`,
    );
    // One common term is what candidate generation on a large store asks for, question after question:
    // its best passages are kept until the store changes (a "champion list").
    const cache = unique.length === 1 ? this.currentStats().championLists : undefined;
    const key = `${match} ${limit}`;
    const cached = cache?.get(key);
    if (cached) return [...cached];
    const hits = (this.searchStatement.all(match, limit) as HitRow[]).map(toHit);
    if (cache) {
      if (cache.size >= CHAMPION_LISTS_KEPT) cache.delete(cache.keys().next().value!);
      cache.set(key, hits);
    }
    return [...hits];
  }

  hitsByIds(ids: readonly string[]): SearchHit[] {
    if (!ids.length) return [];
    // On every hybrid question (the passages only vector search found): prepared once.
    this.hitsByIdsStatement ??= this.db.prepare(
      `SELECT ${HIT_COLUMNS}, 0 AS rank
       FROM passages p JOIN documents d ON d.id = p.document_id
       WHERE p.id IN (SELECT value FROM json_each(?))`,
    );
    const rows = this.hitsByIdsStatement.all(JSON.stringify(ids)) as HitRow[];
    const byId = new Map(rows.map((row) => [row.id, toHit(row)]));
    return ids.map((id) => byId.get(id)).filter((hit): hit is SearchHit => !!hit);
  }

  documentFrequencies(terms: readonly string[]): Map<string, number> {
    const stats = this.currentStats();
    const result = new Map<string, number>();
    const lookup = (this.dfStatement ??= this.db.prepare("SELECT doc FROM passages_vocab WHERE term = ?").pluck());
    for (const term of terms) {
      let df = stats.df.get(term);
      if (df === undefined) {
        df = (lookup.get(term) as number | undefined) ?? 0;
        stats.df.set(term, df);
      }
      result.set(term, df);
    }
    return result;
  }

  passageCount(): number {
    return this.currentStats().passages;
  }

  averagePassageLength(): number {
    const stats = this.currentStats();
    stats.averageLength ??=
      (this.db
        .prepare("SELECT avg(term_count) FROM passages WHERE term_count > 0")
        .pluck()
        .get() as number | null) ?? 1;
    return stats.averageLength;
  }

  isKnownTerm(term: string): boolean {
    return (this.documentFrequencies([term]).get(term) ?? 0) > 0;
  }

  commonTerms(minPassages: number, limit: number): string[] {
    return this.db.prepare("SELECT term FROM passages_vocab WHERE doc > ? ORDER BY doc DESC LIMIT ?").pluck().all(minPassages, limit) as string[];
  }

  isKnownPrefix(prefix: string): boolean {
    return (
      this.db.prepare("SELECT 1 FROM passages_vocab WHERE term >= ? AND term < ? LIMIT 1").get(prefix, `${prefix}\u{10FFFF}`) !==
      undefined
    );
  }

  /** Cached corpus statistics, invalidated whenever any connection changes the database. */
  private currentStats() {
    const dataVersion = (this.db.pragma("data_version", { simple: true }) as number) + this.localWrites;
    if (!this.stats || this.stats.dataVersion !== dataVersion) {
      const passages = this.db.prepare("SELECT count(*) FROM passages").pluck().get() as number;
      this.stats = { dataVersion, passages, df: new Map(), championLists: new Map() };
    }
    return this.stats;
  }

  private localWrites = 0;
  private dfStatement: Database.Statement | undefined;
  private searchStatement: Database.Statement | undefined;
  private hitsByIdsStatement: Database.Statement | undefined;
  private insertFtsStatement: Database.Statement | undefined;
  private deleteFtsStatement: Database.Statement | undefined;

  private insertFts(rowid: number | bigint, row: AnalysedPassage): void {
    this.insertFtsStatement ??= this.db.prepare("INSERT INTO passages_fts (rowid, title, section, body, context) VALUES (?, ?, ?, ?, ?)");
    this.insertFtsStatement.run(rowid, row.title, row.section, row.body, row.context);
  }

  private deletePassages(documentId: string): void {
    this.localWrites++;
    this.deleteFtsRowsOf(documentId);
    this.db.prepare("DELETE FROM passages WHERE document_id = ?").run(documentId);
  }

  /** Removes a document's passages from the full-text index (the passages themselves stay). */
  private deleteFtsRowsOf(documentId: string): void {
    this.deleteFtsStatement ??= this.db.prepare("DELETE FROM passages_fts WHERE rowid IN (SELECT rowid FROM passages WHERE document_id = ?)");
    this.deleteFtsStatement.run(documentId);
  }
}

/** Index terms of one passage, per full-text column, joined by spaces. */
type AnalysedPassage = { title: string; section: string; body: string; bodyCount: number; context: string };

/**
 * Index terms of a document's passages (in order): the document title, the passage's heading, its
 * body, and the nearest terms of the passages before and after it (so a sentence cut at a boundary
 * still counts for both).
 */
function analysePassages(title: string, passages: ReadonlyArray<{ section?: string; text: string }>): AnalysedPassage[] {
  const titleTerms = analyzeText(title).join(" ");
  const bodyTerms = passages.map((passage) => analyzeText(passage.text));
  return passages.map((passage, ordinal) => ({
    title: titleTerms,
    section: passage.section ? analyzeText(passage.section).join(" ") : "",
    body: bodyTerms[ordinal]!.join(" "),
    bodyCount: bodyTerms[ordinal]!.length,
    context: [...(bodyTerms[ordinal - 1] ?? []).slice(-60), ...(bodyTerms[ordinal + 1] ?? []).slice(0, 60)].join(" "),
  }));
}

function toDocument(row: DocumentRow): StoredDocument {
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

function toPassage(row: Pick<HitRow, "id" | "document_id" | "ordinal" | "section" | "page" | "text" | "terms">): Passage {
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

function toHit(row: HitRow): SearchHit {
  return {
    passage: toPassage(row),
    document: {
      id: row.document_id, title: row.title, kind: row.kind,
      year: row.year ?? undefined, organisation: row.organisation ?? undefined,
    },
    score: -row.rank,
  };
}
