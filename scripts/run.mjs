/**
 * node scripts/run.mjs cli/ask.ts [args…]
 * Runs a file of src/ from its prebuilt JavaScript in dist/, building what changed first (see
 * prebuilt.mjs). The program sees the arguments after the file name, as under tsx. Where dist/ cannot
 * be written (a read-only install, another user's folder), it runs the TypeScript through tsx instead:
 * slower to start, the same program.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildProject } from "./prebuilt.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const NOT_WRITABLE = new Set(["EACCES", "EPERM", "EROFS"]);
const [entry, ...args] = process.argv.slice(2);
const relative = entry?.replace(/^src\//, "");
const source = relative && path.join(ROOT, "src", relative);
if (!source || !fs.existsSync(source)) {
  process.stderr.write(`Gebruik: node scripts/run.mjs <bestand in src/, bijvoorbeeld cli/ask.ts> [argumenten]${entry ? ` (niet gevonden: ${entry})` : ""}\n`);
  process.exit(2);
}
const debug = process.env.LOG_LEVEL === "debug";
let target = path.join(ROOT, "dist", relative.replace(/\.ts$/, ".js"));
try {
  await buildProject(ROOT);
  // Stack traces (printed at debug level) point into src/ through the source maps.
  if (debug) process.setSourceMapsEnabled(true);
} catch (error) {
  if (!NOT_WRITABLE.has(error.code)) {
    process.stderr.write(`Fout: de code kon niet voorbereid worden. ${error.message}\n`);
    process.exit(1);
  }
  if (debug) process.stderr.write(`dist/ is niet schrijfbaar (${error.code}); de TypeScript loopt via tsx.\n`);
  const { register } = await import("tsx/esm/api");
  register();
  target = source;
}
process.argv = [process.argv[0], target, ...args];
await import(pathToFileURL(target).href);
