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
  private readonly writeAll: (entries: Array<[string, string | null]>) => void;
  /** Written in one transaction per batch: a commit per word made reading in unusual text take minutes. */
  private readonly pending = new Map<string, string | null>();

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
    this.writeAll = db.transaction((entries: Array<[string, string | null]>) => {
      for (const [key, value] of entries) this.insert.run(key, value);
    });
  }

  recall(key: string): string | null | undefined {
    if (this.pending.has(key)) return this.pending.get(key);
    const row = this.select.get(key) as { value: string | null } | undefined;
    return row ? row.value : undefined;
  }

  remember(key: string, value: string | null): void {
    this.pending.set(key, value);
    if (this.pending.size >= BATCH) this.flush();
  }

  flush(): void {
    if (this.pending.size === 0) return;
    const entries = [...this.pending];
    this.pending.clear();
    try {
      this.writeAll(entries);
    } catch {
      // Only a cache: the answers are still given, a later process asks the word list again.
    }
  }
}

const BATCH = 500;
