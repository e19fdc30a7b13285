import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { removeOldFiles } from "./remove-old-files.js";

/**
 * Replaces a file's content all at once: written to a hidden file beside it (no sync reads hidden
 * files), flushed to disk, then renamed over it. A crash or a full disk mid-write leaves the old
 * content whole, never a file cut off halfway (metadata.yaml holds every document's title).
 */
export function writeFileAtomically(file: string, content: string | Buffer): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomUUID().slice(0, 8)}.tmp`);
  try {
    // The old file's permissions stay (a maintainer's metadata.yaml keeps who may read it).
    const mode = fs.existsSync(file) ? fs.statSync(file).mode & 0o777 : 0o666;
    const fd = fs.openSync(temporary, "w", mode);
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

/** A temporary file writeFileAtomically makes: `.<name>.<8 hex>.tmp`. */
const TEMPORARY = /^\..+\.[0-9a-f]{8}\.tmp$/;
/** Older than this, no write is still filling it (a write takes milliseconds; another process may be mid-write). */
const LEFT_AFTER_MS = 10 * 60_000;

/**
 * What a stop between the write and the rename left in `folder` (a hidden `.<name>.<id>.tmp`, never read by
 * the sync): removed once older than ten minutes, so that it does not stay for good. Returns how many.
 */
export function removeLeftTemporaries(folder: string, now = Date.now()): number {
  return removeOldFiles(folder, (name) => TEMPORARY.test(name), LEFT_AFTER_MS, now);
}
