import fs from "node:fs";
import path from "node:path";
import { documentIdFor, isHousekeeping, isUrl, NOT_A_FILE, reservedNameProblem, sourcePathFor, unseenCharactersProblem } from "./collect-sources.js";
import { ingestSources, type IngestOptions, type IngestSummary } from "./ingest-sources.js";
import { readableProblem } from "./readable-problem.js";

type Failure = IngestSummary["failed"][number];

/**
 * `kennis -- add`: copies files and folders into the knowledge folder and reads them in; web pages are
 * read in under their address. A file that cannot be read is not copied in at all (checked first), so a
 * stop or crash while the rest is read in leaves no broken file behind and no earlier version lost; one
 * the sync still refuses (too large, an unknown type) is taken out again (a file it replaced comes back).
 */
export async function addToKnowledgeFolder(inputs: readonly string[], options: Omit<IngestOptions, "sources">): Promise<IngestSummary> {
  const backups = new Map<string, Buffer | undefined>();
  const refused: Failure[] = [];
  const sources: string[] = [];
  for (const input of inputs) {
    const source = isUrl(input) ? input : await copyIn(input, options, backups, refused);
    if (source) sources.push(source);
  }
  // Nothing left to read in (every file was refused): the summary says so, without a sync of the whole folder.
  const summary = sources.length ? await ingestSources({ ...options, sources }) : { added: [], updated: [], unchanged: [], removed: [], failed: [] };
  for (const failed of summary.failed) {
    const file = sourcePathFor(failed.source, options.knowledgeDir);
    if (!file || !backups.has(file)) continue;
    const earlier = backups.get(file);
    if (earlier) fs.writeFileSync(file, earlier);
    else fs.rmSync(file, { force: true });
  }
  return { ...summary, failed: [...refused, ...summary.failed] };
}

/**
 * Copies a file or folder into the knowledge folder, file by file, leaving out what cannot be read and
 * remembering what each copied file replaced. Returns what to read in (undefined: a single file refused).
 */
async function copyIn(source: string, options: Omit<IngestOptions, "sources">, backups: Map<string, Buffer | undefined>, refused: Failure[]): Promise<string | undefined> {
  const { knowledgeDir, maxFileBytes } = options;
  const from = path.resolve(source);
  if (!fs.existsSync(from)) throw new Error(`${source}: bestand of map bestaat niet`);
  // A pipe or a device (/dev/zero) would be read forever: the command hung.
  if (!fs.statSync(from).isFile() && !fs.statSync(from).isDirectory()) throw new Error(NOT_A_FILE(source));
  const to = path.join(path.resolve(knowledgeDir), path.basename(from));
  if (from === to) return to;
  const reserved = reservedNameProblem(path.basename(from));
  if (reserved) throw new Error(reserved);
  if (fs.statSync(from).isDirectory()) fs.mkdirSync(to, { recursive: true });
  for (const file of filesBelow(from)) {
    const target = path.join(to, path.relative(from, file));
    const badName = unseenCharactersProblem(path.basename(file));
    if (badName) {
      refused.push({ source: documentIdFor(target, knowledgeDir), reason: badName });
      continue;
    }
    // Not read here: a file over the limit (the sync refuses it by its size) and the folder's own files.
    const check = fs.statSync(file).size <= maxFileBytes && !isHousekeeping(path.basename(file));
    const problem = check ? await readableProblem(target, fs.readFileSync(file), maxFileBytes) : undefined;
    if (problem) {
      refused.push({ source: documentIdFor(target, knowledgeDir), ...problem });
      continue;
    }
    backups.set(target, fs.existsSync(target) ? fs.readFileSync(target) : undefined);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.copyFileSync(file, target);
  }
  return fs.existsSync(to) ? to : undefined;
}

/**
 * The files of a folder, below it too. A symbolic link inside it is passed by, as the sync does (a link
 * back to a folder above made a loop: ELOOP, the command stopped with an English error).
 */
function filesBelow(entry: string): string[] {
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs.readdirSync(entry, { withFileTypes: true })
    .filter((e) => e.isDirectory() || e.isFile())
    .flatMap((e) => filesBelow(path.join(entry, e.name)));
}
