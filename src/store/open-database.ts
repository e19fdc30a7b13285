import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { migrate } from "./schema.js";

/** Opens (creating if needed) the embedded database in WAL mode, with the schema up to date. */
export function openDatabase(file: string): Database.Database {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  // First, so that setting WAL (which takes a lock) waits for another connection instead of failing with SQLITE_BUSY.
  db.pragma("busy_timeout = 5000");
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  // What is deleted or overwritten (an unshared question, retention, a changed row) is zeroed within its
  // page, not left readable in the file's free space; FAST costs no extra writes (kennis -- vergeet uses ON).
  db.pragma("secure_delete = FAST");
  writeLockAtStart(db);
  migrate(db);
  return db;
}

/**
 * Makes every transaction of this connection BEGIN IMMEDIATE: it takes the write lock at its start,
 * waiting up to busy_timeout for another connection (the chat, the inbox, a maintainer's command).
 * A plain BEGIN reads first and asks for the lock at its first write; when another connection wrote in
 * between, SQLite refuses that at once (SQLITE_BUSY_SNAPSHOT, no waiting) and the whole step fails.
 * The transactions here all write, so nothing is held that would not be held anyway. Nested
 * transactions stay savepoints of the outer one; `.deferred` is still there for a read-only one.
 */
function writeLockAtStart(db: Database.Database): void {
  const transaction = db.transaction.bind(db);
  db.transaction = ((fn) => transaction(fn).immediate) as Database.Database["transaction"];
}
