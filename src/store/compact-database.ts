import fs from "node:fs";
import type Database from "better-sqlite3";

/** Compacted when at least this share of the file is free pages, and at least this much. */
const FREE_SHARE = 0.25;
const FREE_BYTES = 8 * 1024 * 1024;

/**
 * After a large document is removed, SQLite keeps its pages as free space: the file (and every backup
 * of it) stays as big as before. When a quarter or more of the file is free, and some megabytes, it is
 * rewritten compactly (VACUUM). Another process using the database at that moment makes VACUUM wait
 * (busy timeout) or fail: then it is left for a next time, never an error. Returns the sizes before and
 * after, or undefined when nothing was done.
 */
export function compactIfMostlyFree(db: Database.Database, file: string): { before: number; after: number } | undefined {
  if (!mostlyFree(db)) return undefined;
  const before = sizeOf(file);
  try {
    db.exec("VACUUM");
    db.pragma("wal_checkpoint(TRUNCATE)");
  } catch {
    return undefined; // busy elsewhere (the app answering): the next removal tries again
  }
  return { before, after: sizeOf(file) };
}

/** Whether a quarter or more of the database, and some megabytes, are free pages (worth rewriting). */
export function mostlyFree(db: Database.Database): boolean {
  const pageSize = Number(db.pragma("page_size", { simple: true }));
  const pages = Number(db.pragma("page_count", { simple: true }));
  const free = Number(db.pragma("freelist_count", { simple: true }));
  return free * pageSize >= FREE_BYTES && free >= FREE_SHARE * pages;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}
