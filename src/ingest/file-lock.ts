import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** How long a writer waits for another to finish, and after how long a lock is taken as left behind. */
const WAIT_MS = 60_000;
const STALE_MS = 10 * 60_000;
const POLL_MS = 50;

type Holder = { pid: number; host: string; at: string; token?: string };

/**
 * Runs `work` while holding a lock file beside `file` (`.<name>.lock`, hidden: the sync passes it by),
 * so that writers in other processes (the app's learning loop, `kennis -- vergeet`) read, change and
 * write the file one at a time, never one over another's change. A lock whose process is gone (a
 * crash, a kill) or that is older than ten minutes is taken over. Waits up to a minute for another
 * writer, then refuses (a delivery is retried later; a command can be run again).
 */
export async function withFileLock<T>(file: string, work: () => T | Promise<T>, options: { waitMs?: number } = {}): Promise<T> {
  const lock = lockFileOf(file);
  const until = Date.now() + (options.waitMs ?? WAIT_MS);
  const token = crypto.randomUUID();
  while (!tryLock(lock, token)) {
    if (takeOverIfLeft(lock)) continue;
    if (Date.now() > until) throw new Error(`${path.basename(file)} wordt al door iets anders bijgewerkt (${lock}); probeer het straks opnieuw`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  try {
    return await work();
  } finally {
    // Only our own lock: work that ran past the stale time may have seen it taken over by another writer.
    if (parseHolder(readOrEmpty(lock))?.token === token) fs.rmSync(lock, { force: true });
  }
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}

export function lockFileOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.lock`);
}

function tryLock(lock: string, token: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lock, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    fs.writeFileSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString(), token } satisfies Holder));
  } catch (error) {
    // A full disk: no empty lock left behind to hold every writer off for ten minutes.
    fs.closeSync(fd);
    fs.rmSync(lock, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return true;
}

/** A lock left by a process that is gone (or too old): moved aside and removed; true when it was. */
function takeOverIfLeft(lock: string): boolean {
  let text: string;
  let age: number;
  try {
    text = fs.readFileSync(lock, "utf8");
    age = Date.now() - fs.statSync(lock).mtimeMs;
  } catch (error) {
    // Released meanwhile: try again at once. Unreadable (a folder of its name, a file only root may read): wait,
    // as for a live writer; counted as released, the loop retried at once for ever and never awaited.
    return isGone(error);
  }
  const holder = parseHolder(text);
  // Just created, its holder not written yet: a live writer.
  const gone = holder ? (holder.host === os.hostname() && !alive(holder.pid)) || age > STALE_MS : age > STALE_MS;
  if (!gone) return false;
  // Moved aside first, and only if it is still the lock judged left (not a new writer's since).
  const aside = `${lock}.${crypto.randomUUID().slice(0, 8)}.left`;
  try {
    if (fs.readFileSync(lock, "utf8") !== text) return true;
    fs.renameSync(lock, aside);
  } catch (error) {
    return isGone(error);
  }
  fs.rmSync(aside, { force: true });
  return true;
}

const isGone = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

function parseHolder(text: string): Holder | undefined {
  try {
    const holder = JSON.parse(text) as Partial<Holder>;
    return typeof holder.pid === "number" && typeof holder.host === "string" ? (holder as Holder) : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
