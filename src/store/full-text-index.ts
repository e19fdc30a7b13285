import type Database from "better-sqlite3";
import type { QueryTermSpec } from "../core/ports.js";
import type { SearchHit } from "../core/types.js";
import { HIT_COLUMNS, toHit, type HitRow } from "./knowledge-rows.js";
import type { AnalysedPassage } from "./passage-analysis.js";

/**
 * Column weights for BM25: the body counts most; the title, the heading and the neighbouring passages
 * (a sentence cut by a passage boundary still counts for both halves) add context.
 */
const BM25_WEIGHTS = { title: 0.4, section: 0.8, body: 1.0, context: 0.3 };

/** How many single-term searches are kept (the oldest goes first). */
const CHAMPION_LISTS_KEPT = 500;

/** Unknown words (typos, nonsense) are remembered as unknown only while the term cache is smaller than this. */
const UNKNOWN_TERMS_CACHED_BELOW = 10_000;

/**
 * The passages' full-text index (FTS5, BM25) with its caches: corpus statistics and champion lists,
 * kept until any connection changes the database.
 */
export class FullTextIndex {
  private stats:
    | {
        dataVersion: number; passages: number; df: Map<string, number>; averageLength?: number; championLists: Map<string, SearchHit[]>;
        /** Every index term with its passage count, once read (see termVocabulary). */
        vocabulary?: Map<string, number>;
      }
    | undefined;

  constructor(private readonly db: Database.Database) {
    const { title, section, body, context } = BM25_WEIGHTS;
    db.prepare("INSERT INTO passages_fts (passages_fts, rank) VALUES ('rank', ?)").run(`bm25(${title}, ${section}, ${body}, ${context})`);
  }

  /** This connection changed passages: the caches start again (data_version only counts other connections). */
  noteWrite(): void {
    this.localWrites++;
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
      let df = stats.vocabulary ? (stats.vocabulary.get(term) ?? 0) : stats.df.get(term);
      if (df === undefined) {
        df = (lookup.get(term) as number | undefined) ?? 0;
        // Known terms are bounded by the vocabulary; unknown ones by a limit, so nonsense cannot grow the cache.
        if (df > 0 || stats.df.size < UNKNOWN_TERMS_CACHED_BELOW) stats.df.set(term, df);
      }
      result.set(term, df);
    }
    return result;
  }

  /** How many terms' document frequencies are cached (for diagnostics and tests). */
  cachedTermCount(): number {
    return this.currentStats().df.size;
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
    const common = [...this.termVocabulary()].filter(([, df]) => df > minPassages);
    return common.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, limit).map(([term]) => term);
  }

  /**
   * Every index term with the number of passages holding it, read in one pass over the index (at
   * 100 000 passages under a second, done at start with the common terms) and kept until the store
   * changes; then document frequencies need no look-up at all.
   */
  termVocabulary(): ReadonlyMap<string, number> {
    const stats = this.currentStats();
    if (!stats.vocabulary) {
      const rows = this.db.prepare("SELECT term, doc FROM passages_vocab").raw().all() as Array<[string, number]>;
      stats.vocabulary = new Map(rows);
      stats.df.clear();
    }
    return stats.vocabulary;
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

  insertFts(rowid: number | bigint, row: AnalysedPassage): void {
    this.insertFtsStatement ??= this.db.prepare("INSERT INTO passages_fts (rowid, title, section, body, context) VALUES (?, ?, ?, ?, ?)");
    this.insertFtsStatement.run(rowid, row.title, row.section, row.body, row.context);
  }

  /** Removes a document's passages from the full-text index (the passages themselves stay). */
  deleteFtsRowsOf(documentId: string): void {
    this.deleteFtsStatement ??= this.db.prepare("DELETE FROM passages_fts WHERE rowid IN (SELECT rowid FROM passages WHERE document_id = ?)");
    this.deleteFtsStatement.run(documentId);
  }

  /**
   * Merges the index into one segment: the words of removed passages stay in the older segments (as
   * bytes in the file) until a merge. For kennis -- vergeet, which must leave no word of a person behind.
   */
  mergeSegments(): void {
    this.db.prepare("INSERT INTO passages_fts (passages_fts) VALUES ('optimize')").run();
  }
}
