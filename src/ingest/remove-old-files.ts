import fs from "node:fs";
import path from "node:path";

/**
 * Removes the files in `folder` whose names `matches` and that are older than `olderThanMs` (by their
 * modification time): what a stop left between two steps of a write. A younger one may still be in use
 * by another process; one that went meanwhile, or a folder that cannot be read, is passed by. Returns
 * how many went.
 */
export function removeOldFiles(folder: string, matches: (name: string) => boolean, olderThanMs: number, now = Date.now()): number {
  let names: string[];
  try {
    names = fs.readdirSync(folder).filter(matches);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    const file = path.join(folder, name);
    try {
      if (now - fs.statSync(file).mtimeMs <= olderThanMs) continue;
      fs.rmSync(file, { force: true });
      removed++;
    } catch {
      // Gone meanwhile (another process removed it): nothing to do.
    }
  }
  return removed;
}
