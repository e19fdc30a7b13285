import crypto from "node:crypto";
import path from "node:path";
import { createExclusive } from "./lock-holder.js";
import { releaseIfOurs, removeLeftAside, takeOverIfLeft } from "./lock-takeover.js";

export { takeoverPauses } from "./lock-takeover.js";

/** How long a writer waits for another to finish. */
const WAIT_MS = 60_000;
const POLL_MS = 50;

/**
 * Runs `work` while holding a lock file beside `file` (`.<name>.lock`, hidden: the sync passes it by),
 * so that writers in other processes (the app's learning loop, `kennis -- vergeet`) read, change and
 * write the file one at a time, never one over another's change. A lock whose process is gone (a
 * crash, a kill) or that is older than ten minutes is taken over, by one process at a time
 * (lock-takeover.ts). Waits up to a minute for another
 * writer, then refuses (a delivery is retried later; a command can be run again).
 */
export async function withFileLock<T>(file: string, work: () => T | Promise<T>, options: { waitMs?: number } = {}): Promise<T> {
  const lock = lockFileOf(file);
  const until = Date.now() + (options.waitMs ?? WAIT_MS);
  const token = crypto.randomUUID();
  while (!createExclusive(lock, token)) {
    if (await takeOverIfLeft(lock)) continue;
    if (Date.now() > until) throw new Error(`${path.basename(file)} wordt al door iets anders bijgewerkt (${lock}); probeer het straks opnieuw`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  // What a stop left of earlier takeovers goes while this writer holds the lock.
  removeLeftAside(lock);
  try {
    return await work();
  } finally {
    // Only our own lock: work that ran past the stale time may have seen it taken over by another writer.
    releaseIfOurs(lock, token);
  }
}

export function lockFileOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}
