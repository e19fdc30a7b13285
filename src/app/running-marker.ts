import fs from "node:fs";

/**
 * A file beside the database that says a Vliegwiel app is running on it (its process id), so that a
 * command that must not run beside it (`kennis -- restore`) can refuse. Written once the app has started,
 * removed when it stops; a marker left by a process that died is recognised by its process being gone.
 */
export function markRunning(databasePath: string): () => void {
  const file = markerOf(databasePath);
  fs.writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.rmSync(file);
    } catch {
      // Already gone: nothing to undo.
    }
  };
}

/** The process id of the app running on this database, if one is (not this process itself). */
export function runningAppOn(databasePath: string): number | undefined {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(markerOf(databasePath), "utf8").trim());
  } catch {
    return undefined;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM" ? pid : undefined; // EPERM: alive, another user's
  }
}

export function markerOf(databasePath: string): string {
  return `${databasePath}.pid`;
}
