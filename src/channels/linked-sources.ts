import type { SourceRef } from "../core/answer/compose-answer.js";
import type { Reply } from "../core/reply.js";
import { EN } from "../core/replies-en.js";
import { NL } from "../core/replies-nl.js";

/**
 * The "Bronnen" and "Meer lezen" lines of a reply (in the reply's own language), with each source that
 * has an address written as a link by the channel's own markup; undefined when no source has an
 * address (the text is then kept as it is).
 */
export function linkedSourceLines(reply: Reply, link: (label: string, url: string) => string, plain: (text: string) => string): string | undefined {
  if (![...reply.sources, ...reply.furtherReading].some((ref) => ref.url)) return undefined;
  const texts = new RegExp(`\\n${EN.sourcesLabel}\\n`).test(reply.text) ? EN : NL;
  const show = (ref: SourceRef) => (ref.url ? link(ref.label, ref.url) : plain(ref.label));
  return [
    ...(reply.sources.length ? [texts.sourcesLabel, ...reply.sources.map((ref, i) => `[${i + 1}] ${show(ref)}`)] : []),
    ...(reply.furtherReading.length
      ? [...(reply.sources.length ? [""] : []), texts.furtherReadingLabel, ...reply.furtherReading.map((ref) => `– ${show(ref)}${ref.snippet ? `: “${plain(ref.snippet)}”` : ""}`)]
      : []),
  ].join("\n");
}
