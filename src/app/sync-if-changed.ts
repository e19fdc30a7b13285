import type { Config } from "../config.js";
import type { IngestSummary } from "../ingest/ingest-sources.js";
import { folderFingerprint } from "../ingest/folder-fingerprint.js";
import { readStoreMeta, writeStoreMeta } from "../store/store-meta.js";
import type { Knowledge } from "./open-knowledge.js";

const KEY = "knowledge_folder_fingerprint";

/**
 * Brings the store in line with the knowledge folder, unless nothing changed since the last full sync
 * (same files, sizes and times, same documents in the store): then it returns undefined at once.
 * For commands that answer a question and should not pay for reading every file each time.
 */
export async function syncKnowledgeFolderIfChanged(config: Config, knowledge: Knowledge): Promise<IngestSummary | undefined> {
  const before = fingerprint(config, knowledge);
  if (readStoreMeta(knowledge.db, KEY) === before) return undefined;
  // The readers of PDF, Word and web pages are loaded only when there is something to read.
  const { ingestSources } = await import("../ingest/ingest-sources.js");
  const summary = await ingestSources({ store: knowledge.store, knowledgeDir: config.knowledgeDir, maxFileBytes: config.ingestMaxFileBytes });
  const vectorsUpToDate = !knowledge.semantic.vectors || (await knowledge.semantic.refreshVectors()) !== undefined;
  if (vectorsUpToDate) writeStoreMeta(knowledge.db, KEY, fingerprint(config, knowledge));
  return summary;
}

/** The folder's fingerprint with the store's own state, so documents added or removed elsewhere count too. */
function fingerprint(config: Config, knowledge: Knowledge): string {
  const store = knowledge.db.prepare("SELECT count(*) || ':' || coalesce(max(ingested_at), '') FROM documents").pluck().get() as string;
  return `${folderFingerprint(config.knowledgeDir, config.ingestMaxFileBytes)}:${store}`;
}
