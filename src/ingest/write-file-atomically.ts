import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

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
