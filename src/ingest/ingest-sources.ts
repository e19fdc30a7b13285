import crypto from "node:crypto";
import fs from "node:fs";
import { wordListReadEnded } from "../core/text/dutch-dictionary.js";
import { PASSAGE_FORMAT_VERSION } from "./chunk-passages.js";
import { collectSources, documentIdFor, isInsideFolder, OUTSIDE_FOLDER, sourcePathFor } from "./collect-sources.js";
import { IngestError } from "./loaded-document.js";
import { readDocument, type ReadDocument } from "./read-document.js";
import { metadataFor, readMetadataCatalog } from "./metadata-file.js";
import type { DocumentStore } from "./ports.js";
import { readSource } from "./read-source.js";
import { DATABASE_BUSY, isDatabaseBusy } from "../store/database-busy.js";

export type IngestProgress = { done: number; total: number; source: string };

export type IngestSummary = {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  /** `reason` is one Dutch line; `detail` the technical cause, for the log at debug level. */
  failed: Array<{ source: string; reason: string; detail?: string }>;
};

export type IngestOptions = {
  store: DocumentStore;
  knowledgeDir: string;
  /** Files, folders or URLs; default the whole knowledge folder, which also removes deleted files. */
  sources?: readonly string[];
  maxFileBytes: number;
  fetch?: typeof fetch;
  onProgress?: (progress: IngestProgress) => void;
  /** How a document's bytes become passages; default here, on this thread (an upload from chat reads them in a worker). */
  read?: (name: string, bytes: Buffer) => Promise<ReadDocument>;
};

/**
 * Brings the store in line with its sources: new files are added, changed files (content or metadata)
 * replace their passages in one transaction, unchanged ones are skipped by hash, and on a full run
 * documents whose file is gone are removed. A bad source is reported and the others still go in.
 */
export async function ingestSources(options: IngestOptions): Promise<IngestSummary> {
  const { store, knowledgeDir } = options;
  const fullRun = !options.sources || options.sources.length === 0;
  const summary: IngestSummary = { added: [], updated: [], unchanged: [], removed: [], failed: [] };
  // A file outside the folder would be stored under its own path, which askers then see: `kennis -- add` copies it in.
  const outside = fullRun ? [] : options.sources!.filter((source) => !isInsideFolder(source, knowledgeDir));
  for (const source of outside) summary.failed.push({ source, reason: OUTSIDE_FOLDER });
  const sources = collectSources(fullRun ? [knowledgeDir] : options.sources!.filter((source) => !outside.includes(source)));
  // A mistake in metadata.yaml is reported (with its line) and leaves the other documents alone.
  const catalog = readMetadataCatalog(knowledgeDir, summary.failed);

  for (const [index, source] of sources.entries()) {
    const id = documentIdFor(source, knowledgeDir);
    options.onProgress?.({ done: index, total: sources.length, source: id });
    try {
      const { bytes, name } = await readSource(source, options.maxFileBytes, options.fetch);
      const knownMeta = catalog.get(id) ?? catalog.get(id.split("/").pop()!);
      const contentHash = hashOf(bytes, knownMeta);
      const existing = store.getDocument(id);
      if (existing?.contentHash === contentHash) {
        summary.unchanged.push(id);
        continue;
      }
      // Read in while the word list is still being read in slices (just after a start): wait for that, not read its rest in one block.
      await wordListReadEnded();
      const { title, passages } = await (options.read ?? readDocument)(name, bytes);
      const meta = metadataFor(catalog, id, title);
      await store.replaceDocumentYielding({ ...meta, id, contentHash, sizeBytes: bytes.length }, passages);
      (existing ? summary.updated : summary.added).push(id);
    } catch (error) {
      summary.failed.push({ source: id, reason: reasonOf(error), detail: detailOf(error) });
    }
  }
  options.onProgress?.({ done: sources.length, total: sources.length, source: "" });

  if (fullRun) {
    for (const doc of store.listDocuments()) {
      const file = sourcePathFor(doc.id, knowledgeDir);
      if (file && !fs.existsSync(file) && store.removeDocument(doc.id)) summary.removed.push(doc.id);
    }
  }
  return summary;
}

/** What a document's passages depend on: its bytes, its metadata and how passages are cut. */
function hashOf(bytes: Buffer, meta: unknown): string {
  return crypto
    .createHash("sha256")
    .update(bytes)
    .update(JSON.stringify(meta ?? null))
    .update(`passage-format:${PASSAGE_FORMAT_VERSION}`)
    .digest("hex");
}

function reasonOf(error: unknown): string {
  if (error instanceof IngestError) return error.message;
  const err = error as NodeJS.ErrnoException;
  if (err.code === "EACCES") return "geen leesrechten op het bestand";
  if (err.code === "ENOENT") return "bestand bestaat niet (meer)";
  if (isDatabaseBusy(error)) return DATABASE_BUSY;
  return "onverwachte fout bij het lezen (de details staan in het log met LOG_LEVEL=debug)";
}

function detailOf(error: unknown): string | undefined {
  if (error instanceof IngestError) return error.detail;
  return error instanceof Error ? error.message : String(error);
}
