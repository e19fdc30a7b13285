import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { MIGRATIONS } from "./schema.js";

export type StoreSummary = { documents: number; passages: number; handoffs: number; questions: number; bytes: number };

/**
 * Copies the database to `file` while the app goes on answering and writing, with SQLite's VACUUM INTO:
 * one consistent snapshot (a read transaction; writers are not held up), written compactly, so free
 * space left by removed documents is not copied along. The copy is checked before it counts.
 */
export async function backupDatabase(databasePath: string, file: string): Promise<StoreSummary> {
  if (!fs.existsSync(databasePath)) throw new Error(`er is nog geen database op ${databasePath}`);
  if (fs.existsSync(file)) throw new Error(`${file} bestaat al; kies een nieuwe naam (er wordt niets overschreven)`);
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  // Written under a name that says it is not done, and given the name asked for only once checked:
  // a copy cut off (a kill, a reboot) or refused never looks like a backup.
  const partial = `${file}.onvolledig-${process.pid}`;
  try {
    const db = new Database(databasePath, { fileMustExist: true });
    try {
      db.pragma("busy_timeout = 5000");
      db.prepare("VACUUM INTO ?").run(partial);
    } finally {
      db.close();
    }
    // One self-contained file to keep or move (no -wal/-shm beside it).
    const copy = new Database(partial);
    copy.pragma("journal_mode = DELETE");
    copy.close();
    const summary = checkDatabaseFile(partial);
    beforeNaming(file);
    giveNameOnce(partial, file);
    return summary;
  } finally {
    fs.rmSync(partial, { force: true });
  }
}

let beforeNaming: (file: string) => void = () => {};
/** Tests: runs just before a checked copy is given its name (where another backup to that name may just have finished). */
export function onBackupNaming(hook?: (file: string) => void): void {
  beforeNaming = hook ?? (() => {});
}

/**
 * Gives the finished copy its name, refusing a name that exists (a rename would replace it: two
 * backups to one name at once). A hard link is made or refused in one step; the partial is removed
 * after. Where a file system has no hard links (FAT on a USB stick), the check and the move are two steps.
 */
function giveNameOnce(partial: string, file: string): void {
  const taken = () => new Error(`${file} bestaat al; kies een nieuwe naam (er wordt niets overschreven)`);
  try {
    fs.linkSync(partial, file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw taken();
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS" && code !== "EOPNOTSUPP") throw error;
    if (fs.existsSync(file)) throw taken();
    fs.renameSync(partial, file);
  }
}

/**
 * Puts a backup in place of the database (Vliegwiel stopped). The current database is first kept
 * beside it as `<name>.voor-herstel-<time>`, so a restore can itself be undone.
 */
export async function restoreDatabase(file: string, databasePath: string): Promise<{ summary: StoreSummary; keptAs?: string }> {
  const summary = checkDatabaseFile(file);
  let keptAs: string | undefined;
  if (fs.existsSync(databasePath)) {
    keptAs = `${databasePath}.voor-herstel-${new Date().toISOString().replace(/[:.]/g, "-")}`;
    await backupDatabase(databasePath, keptAs);
  }
  fs.mkdirSync(path.dirname(databasePath), { recursive: true });
  const source = new Database(file, { readonly: true, fileMustExist: true });
  try {
    await source.backup(databasePath);
  } finally {
    source.close();
  }
  return { summary, keptAs };
}

/** Opens a database file read-only and checks it is a whole Vliegwiel database; returns what it holds. */
export function checkDatabaseFile(file: string): StoreSummary {
  if (!fs.existsSync(file)) throw new Error(`${file} bestaat niet`);
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    throw new Error(`${file} is geen database van Vliegwiel`);
  }
  try {
    let version: number;
    let integrity: unknown;
    try {
      version = Number(db.pragma("user_version", { simple: true }));
      integrity = db.pragma("quick_check", { simple: true });
    } catch {
      throw new Error(`${file} is geen database van Vliegwiel (of is beschadigd)`);
    }
    if (integrity !== "ok") throw new Error(`${file} is beschadigd (de controle van SQLite faalt)`);
    const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[]));
    if (version === 0 || !tables.has("documents") || !tables.has("handoffs")) throw new Error(`${file} is geen database van Vliegwiel`);
    if (version > MIGRATIONS.length) throw new Error(`${file} is gemaakt door een nieuwere versie van Vliegwiel; werk eerst bij`);
    const count = (table: string) => Number(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    return { documents: count("documents"), passages: count("passages"), handoffs: count("handoffs"), questions: count("question_log"), bytes: fs.statSync(file).size };
  } finally {
    db.close();
  }
}
