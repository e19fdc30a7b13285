import type Database from "better-sqlite3";
import type { WordMemory } from "../core/text/word-memory.js";
import { readStoreMeta, writeStoreMeta } from "./store-meta.js";

const VERSION_KEY = "word_memory_version";

/**
 * The word memory kept in the embedded database (a cache: losing it costs time, never answers).
 * `version` names the word list and the analysis the answers came from; when it changes, everything
 * remembered is forgotten. A write that fails (the database busy in another process) is skipped.
 */
export class SqliteWordMemory implements WordMemory {
  private readonly select: Database.Statement;
  private readonly insert: Database.Statement;

  constructor(db: Database.Database, version: string) {
    db.exec("CREATE TABLE IF NOT EXISTS word_memory (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID");
    if (readStoreMeta(db, VERSION_KEY) !== version) {
      db.transaction(() => {
        db.exec("DELETE FROM word_memory");
        writeStoreMeta(db, VERSION_KEY, version);
      })();
    }
    this.select = db.prepare("SELECT value FROM word_memory WHERE key = ?");
    this.insert = db.prepare("INSERT OR REPLACE INTO word_memory (key, value) VALUES (?, ?)");
  }

  recall(key: string): string | null | undefined {
    const row = this.select.get(key) as { value: string | null } | undefined;
    return row ? row.value : undefined;
  }

  remember(key: string, value: string | null): void {
    try {
      this.insert.run(key, value);
    } catch {
      // Only a cache: the answer is still given, a later process asks the word list again.
    }
  }
}
