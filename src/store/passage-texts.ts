import type Database from "better-sqlite3";

/**
 * The documents' passage texts as stored, for what is learnt from the field's own writing (the gids's
 * association bridge), with a revision that changes whenever a passage is added, replaced or removed.
 */
export class SqlitePassageTexts {
  constructor(private readonly db: Database.Database) {}

  revision(): string {
    const row = this.db.prepare("SELECT count(*) AS n, coalesce(max(rowid), 0) AS last, coalesce(sum(length(text)), 0) AS size FROM passages").get() as { n: number; last: number; size: number };
    return `${row.n}:${row.last}:${row.size}`;
  }

  texts(): string[] {
    return (this.db.prepare("SELECT text FROM passages ORDER BY document_id, ordinal").pluck().all() as string[]);
  }
}
