import type Database from "better-sqlite3";
import * as sqliteVec from "sqlite-vec";
import type { VectorIndex, VectorMatch } from "../semantic/ports.js";

/** sqlite-vec's largest k for one KNN query. */
const MAX_K = 4096;

/**
 * The embedded vector index: a sqlite-vec `vec0` table (cosine distance) in the same database as the
 * passages. The table is made on the first vectors, with
 * their dimension; vectors of another dimension (a new model) replace it.
 */
export class SqliteVectorIndex implements VectorIndex {
  readonly target = "local";

  constructor(private readonly db: Database.Database) {
    sqliteVec.load(db);
  }

  async upsert(items: ReadonlyArray<{ passageId: string; vector: number[] }>): Promise<void> {
    if (!items.length) return;
    this.ensureTable(items[0]!.vector.length);
    const findId = this.db.prepare("SELECT rowid FROM local_vector_ids WHERE passage_id = ?").pluck();
    const addId = this.db.prepare("INSERT INTO local_vector_ids (passage_id) VALUES (?)");
    const remove = this.db.prepare("DELETE FROM passage_vectors WHERE rowid = ?");
    const insert = this.db.prepare("INSERT INTO passage_vectors (rowid, embedding) VALUES (?, ?)");
    this.db.transaction(() => {
      for (const item of items) {
        let rowid = findId.get(item.passageId) as number | bigint | undefined;
        if (rowid === undefined) rowid = addId.run(item.passageId).lastInsertRowid;
        else remove.run(BigInt(rowid));
        insert.run(BigInt(rowid), new Float32Array(item.vector));
      }
    })();
  }

  async delete(passageIds: readonly string[]): Promise<void> {
    if (!passageIds.length || !this.dimensions()) return;
    const findId = this.db.prepare("SELECT rowid FROM local_vector_ids WHERE passage_id = ?").pluck();
    const removeVector = this.db.prepare("DELETE FROM passage_vectors WHERE rowid = ?");
    const removeId = this.db.prepare("DELETE FROM local_vector_ids WHERE rowid = ?");
    this.db.transaction(() => {
      for (const id of passageIds) {
        const rowid = findId.get(id) as number | bigint | undefined;
        if (rowid === undefined) continue;
        removeVector.run(BigInt(rowid));
        removeId.run(rowid);
      }
    })();
  }

  async query(vector: number[], topK: number): Promise<VectorMatch[]> {
    const dims = this.dimensions();
    if (!dims) return [];
    if (dims !== vector.length) throw new Error(`the question's vector has ${vector.length} dimensions, the index ${dims}: run npm run ingest after changing the embedding model`);
    const rows = this.db
      .prepare(
        `SELECT i.passage_id AS passageId, v.distance AS distance
           FROM (SELECT rowid, distance FROM passage_vectors WHERE embedding MATCH ? AND k = ?) v
           JOIN local_vector_ids i ON i.rowid = v.rowid
          ORDER BY v.distance`,
      )
      .all(new Float32Array(vector), Math.min(MAX_K, topK)) as Array<{ passageId: string; distance: number }>;
    return rows.map((row) => ({ passageId: row.passageId, score: 1 - row.distance }));
  }

  async count(): Promise<number> {
    if (!this.dimensions()) return 0;
    return this.db.prepare("SELECT count(*) FROM local_vector_ids").pluck().get() as number;
  }

  /** The vector dimension of the table, or undefined before the first vectors. */
  private dimensions(): number | undefined {
    const sql = this.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'passage_vectors'").pluck().get() as string | undefined;
    const match = sql ? /float\[(\d+)\]/.exec(sql) : null;
    return match ? Number(match[1]) : undefined;
  }

  private ensureTable(dims: number): void {
    const current = this.dimensions();
    if (current === dims) return;
    this.db.transaction(() => {
      if (current !== undefined) {
        this.db.exec("DROP TABLE passage_vectors; DROP TABLE local_vector_ids;");
        this.db.prepare("DELETE FROM vector_ledger WHERE target = ?").run(this.target);
      }
      this.db.exec(`
        CREATE VIRTUAL TABLE passage_vectors USING vec0(embedding float[${dims}] distance_metric=cosine);
        CREATE TABLE local_vector_ids (rowid INTEGER PRIMARY KEY, passage_id TEXT NOT NULL UNIQUE);
      `);
    })();
  }
}
