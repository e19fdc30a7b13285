import type { AnalysedSentence } from "../retrieval/passage-sentences.js";
import { foldDiacritics } from "../text/fold.js";
import { COUNT_WORDS, COUNTED_NOUN, announcesCount, leansBack } from "./continuation.js";

/**
 * A list announced with a count ("Dat doen we op drie manieren:", "Het gaat om vier stappen.") and the
 * items that count stands for. Items are often a label and an explanation ("Ogen en oren in het dorp.
 * De coöperatie heeft afspraken …"), so their sentences are more than the count: the list ends after
 * the last item's explanation, not after so many sentences.
 */

/** A count followed by what is counted, perhaps with a word between ("drie belangrijke lessen", "4 stappen"). */
const COUNT = new RegExp(`\\b(${Object.keys(COUNT_WORDS).join("|")}|[2-9]|10)${COUNTED_NOUN}\\b`, "u");
/** A label opening a line: a short phrase ending in a full stop or a colon, before its explanation or alone. */
const LABEL = /^(?:\d{1,2}[.)]\s+|[-•*–]\s+)?([\p{Lu}\d][^.!?:\n]{2,70})[.:](?=\s+[\p{Lu}\d"“‘(]|$)/u;
const MAX_LABEL_WORDS = 7;

/** The number of items a line announces, when it announces a list with a count; otherwise undefined. */
export function announcedCount(line: string): number | undefined {
  if (!/:[*_]*$/.test(line) && !announcesCount(line)) return undefined;
  const found = COUNT.exec(foldDiacritics(line.toLowerCase()))?.[1];
  return found === undefined ? undefined : COUNT_WORDS[found] ?? Number(found);
}

/** Whether a line opens with an item's label ("Ogen en oren in het dorp.", "2. Halen en brengen."). */
function opensWithLabel(line: string): boolean {
  const label = LABEL.exec(line)?.[1];
  return !!label && label.split(/\s+/).length <= MAX_LABEL_WORDS && !leansBack(line);
}

type Line = { sentence: number; text: string; bare: boolean; label: boolean };

/**
 * The index just after the last sentence of the counted list that a sentence of `all` from `from` to
 * `to` announces, or undefined when none does or its items cannot all be told apart. `itemSpans`: the
 * sentences each bulleted item takes, by the index of its first sentence.
 */
export function countedListEnd(all: readonly AnalysedSentence[], from: number, to: number, itemSpans: ReadonlyMap<number, number> = new Map()): number | undefined {
  for (let at = from; at <= to && at < all.length; at++) {
    const lines = all[at]!.text.split("\n");
    const opener = lines.findIndex((line) => announcedCount(line.trim()) !== undefined);
    if (opener < 0) continue;
    const count = announcedCount(lines[opener]!.trim())!;
    const after: Line[] = lines.slice(opener + 1).map((text) => lineOf(at, text));
    for (let i = at + 1; i < all.length && after.length < 60; i++) after.push(...all[i]!.text.split("\n").map((text) => lineOf(i, text)));
    const end = itemsEnd(after, count);
    return end === undefined ? undefined : bulletEnd(end, itemSpans);
  }
  return undefined;
}

function lineOf(sentence: number, raw: string): Line {
  const text = raw.trim();
  const label = opensWithLabel(text);
  return { sentence, text, label, bare: label && LABEL.exec(text)![0].length >= text.length - 1 };
}

/** Where `count` items end in `lines`: labelled items end after their explanation, plain items are a line each. */
function itemsEnd(lines: readonly Line[], count: number): number | undefined {
  if (lines.length === 0) return undefined;
  if (!lines[0]!.label) return lines.length >= count ? lines[count - 1]!.sentence + 1 : undefined;
  let items = 0;
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.label) items++;
    const bare = lines[i]!.bare;
    i++;
    if (items === count) {
      // The last item: its explanation, and what leans on it ("Dat bezoek is …"), up to the next label.
      if (bare && i < lines.length && !lines[i]!.label) i++;
      while (i < lines.length && !lines[i]!.label && leansBack(lines[i]!.text)) i++;
      return lines[i - 1]!.sentence + 1;
    }
    // An explanation follows its label; a short line right after a label is explanation, not the next label.
    if (bare && i < lines.length) i++;
    while (i < lines.length && !lines[i]!.label) i++;
  }
  return undefined;
}

/** Where the list ends when its last sentence stands inside a bulleted item: after the item's last sentence. */
function bulletEnd(end: number, itemSpans: ReadonlyMap<number, number>): number {
  for (const [start, sentences] of itemSpans) if (start < end && end < start + sentences) return start + sentences;
  return end;
}
