import { readableSentences } from "../answer/readable-text.js";
import { analyzeText } from "../text/analyzer.js";
import type { SearchHit } from "../types.js";

/** A readable sentence of a passage with its index terms. */
export type AnalysedSentence = { text: string; terms: ReadonlySet<string> };

const cache = new Map<string, AnalysedSentence[]>();
const CACHE_LIMIT = 2_000;

/**
 * The readable sentences of a passage, each with its index terms; kept for the passages asked about
 * most recently (keyed by id and text, so a changed passage is analysed again).
 */
export function sentencesOf(hit: SearchHit): AnalysedSentence[] {
  const key = `${hit.passage.id}\u0000${hit.passage.text.length}\u0000${hit.passage.text.slice(0, 64)}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const sentences = readableSentences(hit.passage.text).map((text) => ({ text, terms: new Set(analyzeText(text)) }));
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, sentences);
  return sentences;
}

/** Consecutive sentences of a passage, `size` at a time (a passage shorter than that is one window). */
export function sentenceWindows(sentences: readonly AnalysedSentence[], size: number): Array<{ start: number; sentences: AnalysedSentence[] }> {
  if (sentences.length <= size) return sentences.length ? [{ start: 0, sentences: [...sentences] }] : [];
  const windows = [];
  for (let start = 0; start + size <= sentences.length; start++) windows.push({ start, sentences: sentences.slice(start, start + size) });
  return windows;
}
