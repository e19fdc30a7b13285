/**
 * A path that does not fit (a folder given for a file or a file for a folder, a file that is not there, no
 * permission), said in Dutch instead of Node's "EISDIR: illegal operation on a directory, read", by the
 * commands and by `npm start` alike; Node's line stays at debug.
 */
export function fileProblem(error: unknown, databasePath?: string): string | undefined {
  const { code, path: file } = (error ?? {}) as NodeJS.ErrnoException;
  switch (code) {
    case "EISDIR":
      return file ? `${file} is een map, geen bestand; geef de naam van een bestand` : "dat is een map, geen bestand; geef de naam van een bestand";
    case "ENOENT":
      return `${file ?? "dat bestand"} bestaat niet; controleer het pad`;
    case "ENOTDIR":
      return `${file ?? "dat pad"}: een deel van het pad is een bestand, geen map`;
    case "EEXIST":
      // mkdir of a folder (DATA_DIR, KNOWLEDGE_DIR) whose name a file already has.
      return `${file ?? "dat pad"} is een bestand, geen map; geef de naam van een map`;
    case "EACCES":
    case "EPERM":
      return `geen toestemming voor ${file ?? "dat bestand"} (controleer wie de eigenaar is, bijvoorbeeld: sudo -u vliegwiel …)`;
    case "SQLITE_CANTOPEN":
      // SQLite names no path: DATABASE_PATH (or DATA_DIR) is a folder, or a folder it may not write in.
      return `de database${databasePath ? ` ${databasePath}` : ""} kan niet geopend worden: is het een map, of mag Vliegwiel niet schrijven in de map eromheen?`;
    case "ENOSPC":
      return "de schijf is vol; maak ruimte en probeer het opnieuw";
    default:
      return undefined;
  }
}
