import type Database from "better-sqlite3";
import { openDatabase } from "../../src/store/open-database.js";

/** Opens the app's database file for one look (beside a running app, as the CLI does) and closes it again. */
export function withDatabase<T>(file: string, use: (db: Database.Database) => T): T {
  const db = openDatabase(file);
  try {
    return use(db);
  } finally {
    db.close();
  }
}
