import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { removeOldFiles } from "./remove-old-files.js";
import { createExclusive, holderToken, isGone, isLeft, isOurs, readHeld } from "./lock-holder.js";

/** After how long a lock is taken as left behind (its writer hung or its machine went). */
export const STALE_MS = 10 * 60_000;
/** A takeover's claim is held for milliseconds: one older than this was left by a taker that stopped. */
const CLAIM_STALE_MS = 60_000;

/** For a test with two processes only: a pause where a taker has judged the lock left and is about to take it over. */
export const takeoverPauses: { whenJudgedLeft?: (lock: string) => Promise<void> } = {};

/**
 * A lock left by a process that is gone (or older than the stale time) is removed, so that a writer can
 * create its own (O_EXCL) again; true when it is gone (or was released meanwhile), false to wait.
 * Two processes may judge the same lock left at once: the takeover is done under a claim beside the lock
 * (`<lock>.claim`, made with O_EXCL), so one at a time; under it the lock is read again (the first taker
 * may already have made its own) and only a lock still the one judged left is moved aside (to a unique
 * name, atomically) and removed. A lock moved aside that turns out to be another's is put back.
 */
export async function takeOverIfLeft(lock: string): Promise<boolean> {
  const seen = readHeld(lock);
  // Released meanwhile: try again at once. Unreadable: wait, as for a live writer (never a loop that does not await).
  if (typeof seen !== "object") return seen === "released";
  if (!isLeft(seen, STALE_MS)) return false;
  await takeoverPauses.whenJudgedLeft?.(lock);
  const claim = `${lock}.claim`;
  const token = crypto.randomUUID();
  if (!createExclusive(claim, token)) return removeLeftClaim(claim);
  try {
    const now = readHeld(lock);
    if (typeof now !== "object") return now === "released";
    // Another writer's lock by now (the other taker was first): not ours to take.
    if (now.text !== seen.text || !isLeft(now, STALE_MS)) return true;
    return moveAsideIfStill(lock, (text) => text === seen.text);
  } finally {
    releaseIfOurs(claim, token);
  }
}

/**
 * Removes a lock (or claim) this process made, and only that: work that ran past the stale time may have
 * seen it taken over, and the file is then another writer's. Moved aside first, so that a takeover between
 * the check and the removal cannot make this remove the newer one.
 */
export function releaseIfOurs(file: string, token: string): void {
  if (isOurs(file, token)) moveAsideIfStill(file, (text) => holderToken(text) === token);
}

/** Another process is taking over (wait), unless its claim was left by a taker that stopped: then the claim goes. */
function removeLeftClaim(claim: string): boolean {
  const held = readHeld(claim);
  if (typeof held !== "object") return held === "released";
  return isLeft(held, CLAIM_STALE_MS) ? moveAsideIfStill(claim, (text) => text === held.text) : false;
}

/**
 * Moves `file` aside to a unique name (a rename is atomic: of two processes moving it, one gets it) and
 * removes it, if it is still the one meant (`isStill` of its text); one that is not (another writer's,
 * made meanwhile) is put back, only where no file is (never over a newer one).
 */
function moveAsideIfStill(file: string, isStill: (text: string) => boolean): boolean {
  const aside = `${file}.${crypto.randomUUID().slice(0, 8)}.left`;
  try {
    fs.renameSync(file, aside);
  } catch (error) {
    return isGone(error);
  }
  try {
    if (!isStill(fs.readFileSync(aside, "utf8"))) fs.copyFileSync(aside, file, fs.constants.COPYFILE_EXCL);
  } catch {
    // Put back failed: a newer file stands there already, which holds the others off as this one did.
  }
  fs.rmSync(aside, { force: true });
  return true;
}

/**
 * Files a lock or claim was moved aside to and that a stop (a kill between the move and the removal) left
 * behind (`<lock>.<id>.left`, `<lock>.claim.<id>.left`): removed once older than a claim may live, so
 * they do not pile up beside the knowledge folder's files. A fresh one may still be read by its mover.
 */
export function removeLeftAside(lock: string, now = Date.now()): void {
  const prefix = `${path.basename(lock)}.`;
  removeOldFiles(path.dirname(lock), (name) => name.startsWith(prefix) && name.endsWith(".left"), CLAIM_STALE_MS, now);
}
