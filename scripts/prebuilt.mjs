/**
 * The maintainer commands run from JavaScript prebuilt from src/ (dist/, one file per source file, the
 * same folders, so paths relative to a module hold in both), so that a process does not translate
 * ~250 TypeScript modules at every start. The build is checked at every run, file by file: each
 * output starts with the hash of its source and of the build recipe (esbuild's version, tsconfig.json,
 * this file), and is translated again when that differs; so a build that lost a race with another, or
 * was killed halfway, is mended by the next run. Outputs whose source is gone are removed, other files
 * (the web pages) are copied. Writes go to a temporary file that is then renamed: a process never reads
 * half a file.
 *
 * A run where nothing changed reads no source: after a full check, a manifest in outDir records the
 * recipe and the file-system identity (size, modification and change time, inode) of every source and
 * of its output, each output's mark checked after its identity was taken. When every identity is the
 * same, the outputs are the checked ones; any edit, copy, checkout or replaced output changes one, and
 * the full check runs. A source modified in the two seconds before the check is not recorded (git's
 * "racy" rule): an edit in the same clock tick as one read by the check would keep its identity.
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

const MANIFEST = ".build-manifest.json";
/** Sources modified this recently before a check are checked again next time (coarse clocks: FAT has 2 s). */
const RACY_MS = 2000;

/** The project's own build: dist/ from src/ with its tsconfig.json (run.mjs before each command, build.mjs). */
export function buildProject(root) {
  return buildFresh(path.join(root, "src"), path.join(root, "dist"), path.join(root, "tsconfig.json"));
}

/** What a source becomes (declarations: nothing; other files are copied as they are: undefined). */
function kindOf(relative) {
  return TRANSLATED.find((k) => k.source.test(relative));
}

/**
 * Brings outDir in line with srcDir; returns how many files were written and removed, and whether the
 * manifest showed nothing had changed (then no source was read).
 */
export async function buildFresh(srcDir, outDir, tsconfigFile) {
  const tsconfigText = tsconfigFile && fs.existsSync(tsconfigFile) ? fs.readFileSync(tsconfigFile, "utf8") : "{}";
  const recipe = hash(`${require("esbuild/package.json").version}\0${tsconfigText}\0${fs.readFileSync(new URL(import.meta.url))}`);
  const manifestFile = path.join(outDir, MANIFEST);
  const startedAt = Date.now();
  if (unchangedSince(readManifest(manifestFile), recipe, srcDir, outDir)) return { written: 0, removed: 0, unchanged: true };
  const wanted = new Set([manifestFile]);
  /** Per source: its identity before it was read, and what its output must be. */
  const checked = [];
  let written = 0;
  for (const [source, sourceStat] of walk(srcDir)) {
    const relative = path.relative(srcDir, source);
    const kind = kindOf(relative);
    if (kind && !kind.output) continue;
    const target = path.join(outDir, kind ? relative.replace(kind.source, kind.output) : relative);
    const content = readIfThere(source);
    if (content === undefined) continue; // gone since the folder was read (a save by rename, a checkout)
    wanted.add(target);
    if (!kind) {
      if (!sameBytes(target, content)) (writeAtomically(target, content), written++);
      checked.push({ source, sourceStat, target, isOutput: () => sameBytes(target, content) });
      continue;
    }
    wanted.add(`${target}.map`);
    const mark = `${MARK}${hash(`${recipe}\0${content}`)}`;
    checked.push({ source, sourceStat, target, isOutput: () => firstLine(target) === mark });
    if (firstLine(target) === mark) continue;
    const { code, map } = await translate(content.toString("utf8"), source, kind.loader, tsconfigText, mark, path.basename(target));
    writeAtomically(`${target}.map`, map);
    writeAtomically(target, code);
    written++;
  }
  let removed = 0;
  for (const [target] of fs.existsSync(outDir) ? walk(outDir) : []) {
    if (wanted.has(target)) continue;
    fs.rmSync(target, { force: true });
    removed++;
  }
  writeManifest(manifestFile, recipe, srcDir, outDir, checked, startedAt);
  return { written, removed, unchanged: false };
}

/** A file's identity: any write, rename over it or metadata change gives another. */
function identity(stat) {
  return `${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}`;
}

function readManifest(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return undefined; // none yet, or unreadable: the full check runs and writes a new one
  }
}

function unchangedSince(manifest, recipe, srcDir, outDir) {
  if (manifest?.recipe !== recipe || typeof manifest.files !== "object" || manifest.files === null) return false;
  let count = 0;
  for (const [source, stat] of walk(srcDir)) {
    const relative = path.relative(srcDir, source);
    if (kindOf(relative)?.output === null) continue;
    const entry = manifest.files[relative];
    if (entry?.source !== identity(stat)) return false;
    const output = statIfThere(path.join(outDir, String(entry.target)));
    if (!output || entry.output !== identity(output)) return false;
    count++;
  }
  return count === Object.keys(manifest.files).length;
}

/**
 * Records the identities after the full check. An output's identity is taken before its mark is
 * checked again, so an output replaced meanwhile (a lost race) is either seen now or has another
 * identity at the next run; an entry that fails the check is left out, and the next run checks fully.
 */
function writeManifest(file, recipe, srcDir, outDir, checked, startedAt) {
  const files = {};
  for (const { source, sourceStat, target, isOutput } of checked) {
    if (sourceStat.mtimeMs >= startedAt - RACY_MS) continue;
    const stat = statIfThere(target);
    if (!stat || !isOutput()) continue;
    files[path.relative(srcDir, source)] = { source: identity(sourceStat), target: path.relative(outDir, target), output: identity(stat) };
  }
  try {
    writeAtomically(file, JSON.stringify({ recipe, files }));
  } catch {
    // Only a shortcut for the next run: without it the next run checks every file again.
  }
}

function statIfThere(file) {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
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

/** Files below dir with their stat, symbolic links followed (as Node follows them when it imports). */
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
    else if (stat.isFile() && !name.endsWith(".tmp")) yield [full, stat];
  }
}
