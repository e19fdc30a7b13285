import type { AnalysedSentence } from "../retrieval/passage-sentences.js";
import type { SearchHit } from "../types.js";
import { readableSentences } from "./readable-text.js";

/**
 * A passage that is, under its heading, a bulleted list ("Valkuilen": "- Te snel groeien: …", "- Alles
 * op een paar schouders leggen. …"): the sentences of that list, so that a quote of one of its later
 * items can take the items before it. Only a bullet marks an item here (a dash, a star, a dot, a number).
 */

const BULLET = /^(?:[-*•]|\d{1,2}[.)])\s+\S/;
/** A heading line: markdown, a bold line, or the passage's own section title. */
const HEADING = /^(?:#{1,6}\s|\*\*[^*]+\*\*$|__[^_]+__$)/;

/** The sentences of `all` (a passage's readable sentences) that its opening bulleted list takes: [first, end). */
export function openingList(hit: SearchHit, all: readonly AnalysedSentence[]): [number, number] | undefined {
  const lines = hit.passage.text.split("\n").map((line) => line.trim());
  const firstItem = lines.findIndex((line) => line !== "" && !HEADING.test(line) && line !== hit.passage.section?.trim());
  if (firstItem < 0 || !BULLET.test(lines[firstItem]!)) return undefined;
  const after = lines.slice(firstItem).findIndex((line) => line !== "" && !BULLET.test(line));
  const list = lines.slice(firstItem, after < 0 ? lines.length : firstItem + after);
  if (list.filter((line) => BULLET.test(line)).length < 2) return undefined;
  const sentences = readableSentences(list.join("\n"));
  const first = all.findIndex((s) => s.text === sentences[0]);
  const last = all.findIndex((s) => s.text === sentences.at(-1));
  return first >= 0 && last >= first ? [first, last + 1] : undefined;
}
