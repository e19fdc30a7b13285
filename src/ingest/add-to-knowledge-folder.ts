import fs from "node:fs";
import path from "node:path";
import { isUrl, reservedNameProblem, sourcePathFor } from "./collect-sources.js";
import { ingestSources, type IngestOptions, type IngestSummary } from "./ingest-sources.js";

/**
 * `kennis -- add`: copies files and folders into the knowledge folder and reads them in; web pages are
 * read in under their address. A copied file that cannot be read is not kept (a file it replaced comes
 * back), so a broken file never stays behind to fail every later sync.
 */
export async function addToKnowledgeFolder(inputs: readonly string[], options: Omit<IngestOptions, "sources">): Promise<IngestSummary> {
  const backups = new Map<string, Buffer | undefined>();
  const sources = inputs.map((input) => (isUrl(input) ? input : copyIn(input, options.knowledgeDir, backups)));
  const summary = await ingestSources({ ...options, sources });
  for (const failed of summary.failed) {
    const file = sourcePathFor(failed.source, options.knowledgeDir);
    if (!file || !backups.has(file)) continue;
    const earlier = backups.get(file);
    if (earlier) fs.writeFileSync(file, earlier);
    else fs.rmSync(file, { force: true });
  }
  return summary;
}

/** Copies a file or folder into the knowledge folder, remembering what each copied file replaced. */
function copyIn(source: string, knowledgeDir: string, backups: Map<string, Buffer | undefined>): string {
  const from = path.resolve(source);
  if (!fs.existsSync(from)) throw new Error(`${source}: bestand of map bestaat niet`);
  const to = path.join(path.resolve(knowledgeDir), path.basename(from));
  if (from === to) return to;
  const reserved = reservedNameProblem(path.basename(from));
  if (reserved) throw new Error(reserved);
  for (const file of filesBelow(from)) {
    const target = path.join(to, path.relative(from, file));
    backups.set(target, fs.existsSync(target) ? fs.readFileSync(target) : undefined);
  }
  fs.cpSync(from, to, { recursive: true });
  return to;
}

function filesBelow(entry: string): string[] {
  if (!fs.statSync(entry).isDirectory()) return [entry];
  return fs.readdirSync(entry, { withFileTypes: true }).flatMap((e) => filesBelow(path.join(entry, e.name)));
}
