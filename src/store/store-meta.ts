import type Database from "better-sqlite3";

/** A fact about the store (store_meta), or undefined when it was never written. */
export function readStoreMeta(db: Database.Database, key: string): string | undefined {
  return db.prepare("SELECT value FROM store_meta WHERE key = ?").pluck().get(key) as string | undefined;
}

export function writeStoreMeta(db: Database.Database, key: string, value: string): void {
  db.prepare("INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(key, value);
}
