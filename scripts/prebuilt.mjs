/**
 * The maintainer commands run from JavaScript prebuilt from src/ (dist/, one file per source file, the
 * same folders, so paths relative to a module hold in both), so that a process does not translate
 * ~250 TypeScript modules at every start. The build is incremental and checked at every run by content:
 * a source whose hash differs from the one recorded is translated again (with esbuild, which tsx also
 * uses, and the project's tsconfig), an output whose source is gone is removed, other files (the web
 * pages) are copied. Writes go to a temporary file that is then renamed, so two processes starting
 * at once never read half a file.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// esbuild itself is loaded only when a file must be translated; its version is part of the recipe.
const esbuildVersion = require("esbuild/package.json").version;

const TYPESCRIPT = /\.ts$/;
const DECLARATION = /\.d\.ts$/;
const MANIFEST = ".manifest.json";

/** Brings outDir in line with srcDir; returns how many files were written and removed. */
export async function buildFresh(srcDir, outDir, tsconfigFile) {
  const tsconfigText = tsconfigFile && fs.existsSync(tsconfigFile) ? fs.readFileSync(tsconfigFile, "utf8") : "{}";
  const recipe = hash(`${esbuildVersion}\0${tsconfigText}`);
  const manifestFile = path.join(outDir, MANIFEST);
  const before = readManifest(manifestFile);
  const sameRecipe = before.recipe === recipe;
  const after = { recipe, files: {} };
  const wanted = new Set([manifestFile]);
  let written = 0;
  for (const source of walk(srcDir)) {
    if (DECLARATION.test(source)) continue;
    const relative = path.relative(srcDir, source);
    const target = path.join(outDir, TYPESCRIPT.test(relative) ? relative.replace(TYPESCRIPT, ".js") : relative);
    wanted.add(target);
    const content = fs.readFileSync(source);
    const sourceHash = hash(content);
    after.files[relative] = sourceHash;
    if (sameRecipe && before.files[relative] === sourceHash && fs.existsSync(target)) continue;
    writeAtomically(target, TYPESCRIPT.test(source) ? await translate(content.toString("utf8"), source, tsconfigText) : content);
    written++;
  }
  let removed = 0;
  for (const target of fs.existsSync(outDir) ? walk(outDir) : []) {
    if (wanted.has(target)) continue;
    fs.rmSync(target, { force: true });
    removed++;
  }
  if (written || removed || !sameRecipe) writeAtomically(manifestFile, JSON.stringify(after));
  return { written, removed };
}

async function translate(text, sourcefile, tsconfigText) {
  try {
    const { compilerOptions = {} } = JSON.parse(tsconfigText);
    const { transform } = await import("esbuild");
    const result = await transform(text, { loader: "ts", format: "esm", target: "node20", sourcefile, tsconfigRaw: { compilerOptions } });
    return result.code;
  } catch (error) {
    const first = error?.errors?.[0];
    const where = first?.location ? `${sourcefile}:${first.location.line}:${first.location.column}` : sourcefile;
    throw new Error(`${where} kon niet vertaald worden: ${first?.text ?? error.message}`);
  }
}

function readManifest(file) {
  try {
    const manifest = JSON.parse(fs.readFileSync(file, "utf8"));
    return { recipe: String(manifest.recipe), files: manifest.files ?? {} };
  } catch {
    return { recipe: "", files: {} };
  }
}

function hash(content) {
  return createHash("sha1").update(content).digest("hex");
}

function writeAtomically(target, content) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temporary = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, target);
}

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile() && !entry.name.endsWith(".tmp")) yield full;
  }
}
