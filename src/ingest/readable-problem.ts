import fs from "node:fs";
import path from "node:path";
import { chunkPassages } from "./chunk-passages.js";
import { IngestError } from "./loaded-document.js";
import { loadSource, SUPPORTED_EXTENSIONS } from "./load-source.js";

/**
 * Why a file of a readable type within the size limit cannot be read in (its reason, as the sync
 * would give it), or undefined when it can, or when it is not such a file (the sync names that itself,
 * without reading it). Checked before the file goes into the knowledge folder.
 */
export async function readableProblem(name: string, bytes: Buffer, maxFileBytes: number): Promise<{ reason: string; detail?: string } | undefined> {
  if (bytes.length > maxFileBytes || !(SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(name).toLowerCase())) return undefined;
  try {
    const loaded = await loadSource(name, bytes);
    if ((await chunkPassages(loaded.blocks)).length === 0) return { reason: "geen bruikbare tekst gevonden" };
    return undefined;
  } catch (error) {
    if (error instanceof IngestError) return { reason: error.message, detail: error.detail };
    return { reason: "onverwachte fout bij het lezen (de details staan in het log met LOG_LEVEL=debug)", detail: (error as Error).message };
  }
}

/** Whether the sync would read this file in: a readable type, within the size limit, and readable. */
export async function canBeReadIn(file: string, maxFileBytes: number): Promise<boolean> {
  if (fs.statSync(file).size > maxFileBytes || !(SUPPORTED_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase())) return false;
  return !(await readableProblem(file, fs.readFileSync(file), maxFileBytes));
}
