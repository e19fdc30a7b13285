import type Database from "better-sqlite3";
import type { EmbeddablePassage, LedgerEntry, VectorLedger } from "../semantic/ports.js";

/** The vector ledger and the passages to embed, in the embedded database. */
export class SqliteVectorLedger implements VectorLedger {
  constructor(private readonly db: Database.Database) {}

  passages(): EmbeddablePassage[] {
    return this.db
      .prepare(
        `SELECT p.id, p.text, p.section, d.title, d.id AS documentId, d.kind, d.themes, d.region
           FROM passages p JOIN documents d ON d.id = p.document_id ORDER BY p.rowid`,
      )
      .all() as EmbeddablePassage[];
  }

  entries(target: string): LedgerEntry[] {
    return this.db.prepare("SELECT passage_id, model, text_hash FROM vector_ledger WHERE target = ?").all(target) as LedgerEntry[];
  }

  forget(target: string, passageIds: readonly string[]): void {
    const forget = this.db.prepare("DELETE FROM vector_ledger WHERE target = ? AND passage_id = ?");
    this.db.transaction(() => passageIds.forEach((id) => forget.run(target, id)))();
  }

  note(target: string, model: string, items: ReadonlyArray<{ passageId: string; hash: string }>): void {
    const note = this.db.prepare(
      "INSERT INTO vector_ledger (passage_id, target, model, text_hash) VALUES (?, ?, ?, ?) ON CONFLICT (target, passage_id) DO UPDATE SET model = excluded.model, text_hash = excluded.text_hash",
    );
    this.db.transaction(() => items.forEach(({ passageId, hash }) => note.run(passageId, target, model, hash)))();
  }
}
