/**
 * SQLite's "database is locked": another writer held the database longer than busy_timeout (5 s),
 * such as the app or another command reading in a large document or tidying up. Said in Dutch, with
 * what to do, wherever a command meets it.
 */
export const DATABASE_BUSY = "de database is bezet door een ander proces (Vliegwiel of een andere opdracht die iets groots inleest of opruimt); probeer het zo nog eens";

export function isDatabaseBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === "string" && (code === "SQLITE_LOCKED" || code === "SQLITE_BUSY" || code.startsWith("SQLITE_BUSY_"));
}
