import type { SourceRef } from "../core/answer/compose-answer.js";
import type { Reply } from "../core/reply.js";
import { sourcePath } from "../channels/web/source-page.js";
import { isUrl } from "../ingest/collect-sources.js";

/**
 * Gives each source of a reply a link: the document's own address (its `url` in metadata.yaml, or the
 * web page it was read from) wins; otherwise its source page on the web chat, when the chat has a
 * public address. Without either, a source has no `url` (the local web chat links its own page).
 */
export function sourceLinker(publicBaseUrl: string | undefined, documentUrl: (documentId: string) => string | undefined) {
  const link = (ref: SourceRef): SourceRef => {
    const own = documentUrl(ref.documentId) ?? (isUrl(ref.documentId) ? ref.documentId : undefined);
    const url = own ?? (publicBaseUrl ? `${publicBaseUrl}${sourcePath(ref.documentId, ref.passageId)}` : undefined);
    return url ? { ...ref, url } : ref;
  };
  return (reply: Reply): Reply =>
    reply.sources.length || reply.furtherReading.length
      ? { ...reply, sources: reply.sources.map(link), furtherReading: reply.furtherReading.map(link) }
      : reply;
}
