import type { KnowledgeIndex } from "../ports.js";
import { dutchDictionary, knowsWordOrName } from "../text/dutch-dictionary.js";
import { stemDutch } from "../text/stem.js";
import { editsOne } from "../text/typo-edits.js";

const MIN_LENGTH = 5;
const MAX_LENGTH = 30;
/** Unknown words of one question tried at most: a long hostile question stays cheap. */
export const MAX_TYPO_WORDS = 5;

export type TypoCorrection = { term: string; df: number };

/** Per mistyped word, the index terms of the Dutch words one edit away (they do not depend on the store). */
const candidateCache = new Map<string, string[]>();

/**
 * The index term a mistyped question word stands for ("vrijwillegers" → vrijwillig): of the Dutch
 * words one edit away, the one whose term the store knows in the most passages. Only for words of 5
 * to 30 letters that the Dutch dictionary does not know (a known word is spelled right; the store just
 * lacks it). Edits are checked against the dictionary before the store, so a question costs a few
 * store look-ups, not hundreds. Without the dictionary nothing is corrected.
 */
export function correctTypo(word: string, index: KnowledgeIndex): TypoCorrection | undefined {
  if (word.length < MIN_LENGTH || word.length > MAX_LENGTH || !/^[a-z]+$/.test(word)) return undefined;
  const dictionary = dutchDictionary();
  if (!dictionary || knowsWordOrName(dictionary, word)) return undefined;
  let stems = candidateCache.get(word);
  if (!stems) {
    const own = stemDutch(word);
    stems = [...new Set(editsOne(word).filter((edit) => dictionary.knows(edit)).map(stemDutch))].filter((s) => s !== own && s.length >= 3);
    if (candidateCache.size > 10_000) candidateCache.clear();
    candidateCache.set(word, stems);
  }
  let best: TypoCorrection | undefined;
  for (const [term, df] of index.documentFrequencies(stems)) {
    if (df > 0 && (!best || df > best.df || (df === best.df && term < best.term))) best = { term, df };
  }
  return best;
}
