import fs from "node:fs";
import path from "node:path";
import { isUrl } from "../ingest/collect-sources.js";
import { formatSummary } from "../ingest/format-summary.js";
import { ingestSources } from "../ingest/ingest-sources.js";
import { SUPPORTED_EXTENSIONS } from "../ingest/load-source.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";

/**
 * A coordinator adds a document from chat: a file is saved in the knowledge folder under its own
 * (cleaned) name and read in; a web page is read in under its address. Returns the one-line summary.
 */
export async function addDocumentFromChat(
  source: { fileName: string; bytes: Buffer } | { url: string },
  options: { knowledgeDir: string; store: KnowledgeStore; maxFileBytes: number },
): Promise<string> {
  let input: string;
  if ("url" in source) {
    if (!isUrl(source.url)) return "Dat is geen webadres (het moet beginnen met http:// of https://).";
    input = source.url;
  } else {
    const name = path.basename(source.fileName).replace(/[^\p{L}\p{N}._-]+/gu, "-").replace(/^[.-]+/, "");
    const extension = path.extname(name).toLowerCase();
    if (!name || !(SUPPORTED_EXTENSIONS as readonly string[]).includes(extension)) {
      return `Dit bestandstype kan ik niet lezen. Wel: ${SUPPORTED_EXTENSIONS.join(", ")}.`;
    }
    if (source.bytes.length > options.maxFileBytes) return `Het bestand is te groot (maximum ${Math.round(options.maxFileBytes / 1024 / 1024)} MB).`;
    input = path.join(options.knowledgeDir, name);
    fs.writeFileSync(input, source.bytes);
  }
  const summary = await ingestSources({ store: options.store, knowledgeDir: options.knowledgeDir, sources: [input], maxFileBytes: options.maxFileBytes });
  if (summary.failed.length && !("url" in source)) fs.rmSync(input, { force: true }); // nothing half-added stays behind
  return formatSummary(summary).replace(/\n\s*/g, " ");
}
