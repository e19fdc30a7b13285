import type { AnalysedSentence } from "../retrieval/passage-sentences.js";
import type { SearchHit } from "../types.js";
import { readableSentences } from "./readable-text.js";

/**
 * The bulleted lists of a passage, read from its stored text (its readable sentences no longer show
 * where an item begins or ends). A passage that is, under its heading, a bulleted list ("Valkuilen": "- Te snel groeien: …", "- Alles
 * op een paar schouders leggen. …"): the sentences of that list, so that a quote of one of its later
 * items can take the items before it. Only a bullet marks an item here (a dash, a star, a dot, a number).
 */

/**
 * Only to find where items begin and end among sentences already read: without OCR repair, which asks the
 * Dutch word list about words of pieces the word memory has not seen, and so would make the first answers
 * after a start wait for the list to be read.
 */
const WITHOUT_REPAIR = { repairOcr: false } as const;

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
  const sentences = readableSentences(list.join("\n"), WITHOUT_REPAIR);
  const first = all.findIndex((s) => s.text === sentences[0]);
  const last = all.findIndex((s) => s.text === sentences.at(-1));
  return first >= 0 && last >= first ? [first, last + 1] : undefined;
}

/**
 * For each sentence of `all` that begins a bulleted item of the passage, how many sentences the item
 * has ("- Sommige initiatieven gedragen zich al als sociaal ondernemer. De scheiding … Juist …": three).
 */
export function bulletItemSpans(hit: SearchHit, all: readonly AnalysedSentence[]): Map<number, number> {
  const spans = new Map<number, number>();
  for (const line of hit.passage.text.split("\n")) {
    if (!BULLET.test(line.trim())) continue;
    const sentences = readableSentences(line.trim(), WITHOUT_REPAIR);
    // A short item may stand joined to the line before it or after it ("… op drie manieren:\nSommige …").
    const at = sentences.length ? all.findIndex((s) => holds(s.text, sentences[0]!)) : -1;
    if (at >= 0 && at + sentences.length <= all.length && sentences.every((text, i) => holds(all[at + i]!.text, text))) spans.set(at, sentences.length);
  }
  return spans;
}

const holds = (sentence: string, part: string) => sentence.includes(part.replace(/[.;,:]$/, ""));
