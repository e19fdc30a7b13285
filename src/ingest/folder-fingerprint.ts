import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PASSAGE_FORMAT_VERSION } from "./chunk-passages.js";

/**
 * A cheap fingerprint of the knowledge folder: every file's path, size and modification time (no
 * contents are read; hidden files, which the sync passes by, are left out), with the passage format and the size limit. When it is the same as after the
 * last full sync, nothing in the folder changed and the sync can be skipped.
 */
export function folderFingerprint(knowledgeDir: string, maxFileBytes: number): string {
  const hash = crypto.createHash("sha256").update(`format:${PASSAGE_FORMAT_VERSION};max:${maxFileBytes}`);
  const walk = (dir: string) => {
    // Ordered by code unit, not localeCompare: the first locale comparison loads ICU's collation (~20 ms
    // of every question asked from the command line), and any fixed order gives a stable fingerprint.
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      // Hidden entries are never read in (a writer's lock or temporary file, there only for a moment: one
      // gone between listing and stat stopped the command).
      if (entry.name.startsWith(".")) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const stat = fs.statSync(full);
        hash.update(`\n${path.relative(knowledgeDir, full)}\t${stat.size}\t${stat.mtimeMs}`);
      }
    }
  };
  if (fs.existsSync(knowledgeDir)) walk(knowledgeDir);
  return hash.digest("hex");
}
