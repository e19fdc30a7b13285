import Database from "better-sqlite3";

/** Events in an app's inbox not yet done (taken, or kept for the next start), read from its database file. */
export function unfinishedEvents(databaseFile: string): number {
  const db = new Database(databaseFile, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM event_inbox WHERE done_at IS NULL").pluck().get() as number;
  } finally {
    db.close();
  }
}
