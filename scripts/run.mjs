/**
 * node scripts/run.mjs cli/ask.ts [args…]
 * Runs a file of src/ from its prebuilt JavaScript in dist/, building what changed first (see
 * prebuilt.mjs). The program sees the arguments after the file name, as under tsx.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { buildFresh } from "./prebuilt.mjs";

const ROOT = path.resolve(import.meta.dirname, "..");
const [entry, ...args] = process.argv.slice(2);
const target = entry && path.join(ROOT, "dist", entry.replace(/^src\//, "").replace(/\.ts$/, ".js"));
if (!entry || !fs.existsSync(path.join(ROOT, "src", entry.replace(/^src\//, "")))) {
  process.stderr.write(`Gebruik: node scripts/run.mjs <bestand in src/, bijvoorbeeld cli/ask.ts> [argumenten]${entry ? ` (niet gevonden: ${entry})` : ""}\n`);
  process.exit(2);
}
try {
  await buildFresh(path.join(ROOT, "src"), path.join(ROOT, "dist"), path.join(ROOT, "tsconfig.json"));
} catch (error) {
  process.stderr.write(`Fout: de code kon niet voorbereid worden. ${error.message}\n`);
  process.exit(1);
}
process.argv = [process.argv[0], target, ...args];
await import(pathToFileURL(target).href);
