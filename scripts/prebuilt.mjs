/**
 * The maintainer commands run from JavaScript prebuilt from src/ (dist/, one file per source file, the
 * same folders, so paths relative to a module hold in both), so that a process does not translate
 * ~250 TypeScript modules at every start. The build is checked at every run, file by file: each
 * output starts with the hash of its source and of the build recipe (esbuild's version, tsconfig.json,
 * this file), and is translated again when that differs; so a build that lost a race with another, or
 * was killed halfway, is mended by the next run. Outputs whose source is gone are removed, other files
 * (the web pages) are copied. Writes go to a temporary file that is then renamed: a process never reads
 * half a file.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
/** TypeScript sources and what they become; declarations (.d.ts) are types only and have no output. */
const TRANSLATED = [
  { source: /\.d\.[cm]?ts$/, output: null },
  { source: /\.ts$/, output: ".js", loader: "ts" },
  { source: /\.mts$/, output: ".mjs", loader: "ts" },
  { source: /\.cts$/, output: ".cjs", loader: "ts" },
  { source: /\.tsx$/, output: ".js", loader: "tsx" },
];
const MARK = "// vliegwiel-build ";

/** Brings outDir in line with srcDir; returns how many files were written and removed. */
export async function buildFresh(srcDir, outDir, tsconfigFile) {
  const tsconfigText = tsconfigFile && fs.existsSync(tsconfigFile) ? fs.readFileSync(tsconfigFile, "utf8") : "{}";
  const recipe = hash(`${require("esbuild/package.json").version}\0${tsconfigText}\0${fs.readFileSync(new URL(import.meta.url))}`);
  const wanted = new Set();
  let written = 0;
  for (const source of walk(srcDir)) {
    const relative = path.relative(srcDir, source);
    const kind = TRANSLATED.find((k) => k.source.test(relative));
    if (kind && !kind.output) continue;
    const target = path.join(outDir, kind ? relative.replace(kind.source, kind.output) : relative);
    const content = readIfThere(source);
    if (content === undefined) continue; // gone since the folder was read (a save by rename, a checkout)
    wanted.add(target);
    if (!kind) {
      if (!sameBytes(target, content)) (writeAtomically(target, content), written++);
      continue;
    }
    wanted.add(`${target}.map`);
    const mark = `${MARK}${hash(`${recipe}\0${content}`)}`;
    if (firstLine(target) === mark) continue;
    const { code, map } = await translate(content.toString("utf8"), source, kind.loader, tsconfigText, mark, path.basename(target));
    writeAtomically(`${target}.map`, map);
    writeAtomically(target, code);
    written++;
  }
  let removed = 0;
  for (const target of fs.existsSync(outDir) ? walk(outDir) : []) {
    if (wanted.has(target)) continue;
    fs.rmSync(target, { force: true });
    removed++;
  }
  return { written, removed };
}

async function translate(text, sourcefile, loader, tsconfigRaw, banner, outputName) {
  const { transform } = await import("esbuild");
  try {
    // tsconfigRaw as text: esbuild reads it as tsc does (comments, trailing commas).
    const result = await transform(text, { loader, format: "esm", target: "node20", sourcefile, tsconfigRaw, banner, sourcemap: "external" });
    return { code: `${result.code}//# sourceMappingURL=${outputName}.map\n`, map: result.map };
  } catch (error) {
    const first = error?.errors?.[0];
    const where = first?.location ? `${sourcefile}:${first.location.line}:${first.location.column}` : sourcefile;
    throw new Error(`${where} kon niet vertaald worden: ${first?.text ?? error.message}`);
  }
}

function firstLine(file) {
  let fd;
  try {
    fd = fs.openSync(file, "r");
    const buffer = Buffer.alloc(MARK.length + 40);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString("utf8");
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function sameBytes(file, content) {
  const existing = readIfThere(file);
  return existing !== undefined && existing.equals(content);
}

function readIfThere(file) {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    if (error.code === "ENOENT") return undefined;
    throw error;
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

/** Files below dir, symbolic links followed (as Node follows them when it imports). */
function* walk(dir) {
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    let stat;
    try {
      stat = fs.statSync(full);
    } catch {
      continue; // gone meanwhile, or a dangling link
    }
    if (stat.isDirectory()) yield* walk(full);
    else if (stat.isFile() && !name.endsWith(".tmp")) yield full;
  }
}
