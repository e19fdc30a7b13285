import fs from "node:fs";
import os from "node:os";

/** What a lock file (or a takeover's claim) says about who holds it. */
export type Holder = { pid: number; host: string; at: string; token?: string };

/**
 * Creates `file` only if it does not exist (O_EXCL), holding this process's holder line with `token`;
 * false when it exists. A full disk leaves no empty file behind (it would hold everyone off till it is stale).
 */
export function createExclusive(file: string, token: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    fs.writeFileSync(fd, JSON.stringify({ pid: process.pid, host: os.hostname(), at: new Date().toISOString(), token } satisfies Holder));
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(file, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return true;
}

/** The file's text and age; "released" when it is gone, "unreadable" when it cannot be read (a folder of its name, root's file). */
export function readHeld(file: string): { text: string; age: number } | "released" | "unreadable" {
  try {
    const text = fs.readFileSync(file, "utf8");
    return { text, age: Date.now() - fs.statSync(file).mtimeMs };
  } catch (error) {
    return isGone(error) ? "released" : "unreadable";
  }
}

/** Whether what a lock file says belongs to a writer that is gone: its process ended (on this machine), or it is older than `staleMs`. */
export function isLeft(held: { text: string; age: number }, staleMs: number): boolean {
  const holder = parseHolder(held.text);
  // Just created, its holder not written yet: a live writer, unless it stayed so past the stale time.
  return holder ? (holder.host === os.hostname() && !alive(holder.pid)) || held.age > staleMs : held.age > staleMs;
}

/** Whether `file` holds this process's holder line with `token`. */
export function isOurs(file: string, token: string): boolean {
  const held = readHeld(file);
  return typeof held === "object" && holderToken(held.text) === token;
}

export function holderToken(text: string): string | undefined {
  return parseHolder(text)?.token;
}

export const isGone = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

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
