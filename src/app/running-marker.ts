import fs from "node:fs";

/**
 * A file beside the database that says a Vliegwiel app is running on it (its process id), so that a
 * command that must not run beside it (`kennis -- restore`) can refuse. Written once the app has started,
 * removed when it stops; a marker left by a process that died is recognised by its process being gone.
 * A second app on the same database adds its id beside the first one's and takes only its own away.
 */
export function markRunning(databasePath: string): () => void {
  const file = markerOf(databasePath);
  const own = process.pid;
  writeMarker(file, [...livePids(file).filter((pid) => pid !== own), own]);
  return () => {
    try {
      if (!pidsIn(file).includes(own)) return;
      const others = livePids(file).filter((pid) => pid !== own);
      if (others.length === 0) fs.rmSync(file);
      else writeMarker(file, others);
    } catch {
      // Already gone: nothing to undo.
    }
  };
}

/**
 * Writes the marker whole under a name of its own beside it, then puts it in place in one step: written
 * in place (truncated first), a reader (`kennis -- restore`) at that moment would find no app running.
 */
function writeMarker(file: string, pids: number[]): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, pids.join("\n") + "\n");
    fs.renameSync(temporary, file);
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** The process id of an app running on this database, if one is (not this process itself). */
export function runningAppOn(databasePath: string): number | undefined {
  return livePids(markerOf(databasePath)).find((pid) => pid !== process.pid);
}

function pidsIn(file: string): number[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text.split(/\s+/).map(Number).filter((pid) => Number.isInteger(pid) && pid > 0);
}

/** The ids in the marker whose process still runs. */
function livePids(file: string): number[] {
  return pidsIn(file).filter((pid) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EPERM"; // EPERM: alive, another user's
    }
  });
}

export function markerOf(databasePath: string): string {
  return `${databasePath}.pid`;
}
