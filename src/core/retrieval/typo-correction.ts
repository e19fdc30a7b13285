import type { KnowledgeIndex } from "../ports.js";
import { dutchDictionary, knowsWordOrName } from "../text/dutch-dictionary.js";
import { stemDutch } from "../text/stem.js";
import { editsOne } from "../text/typo-edits.js";

const MIN_LENGTH = 5;
const MAX_LENGTH = 30;
/** Unknown words of one question tried at most: a long hostile question stays cheap. */
export const MAX_TYPO_WORDS = 5;

export type TypoCorrection = { term: string; df: number };

/**
 * The index term a mistyped question word stands for ("vrijwillegers" → vrijwillig): of the words one
 * edit away, the one whose stem the store knows in the most passages. Only for words of 5 to 30
 * letters; a word the Dutch dictionary knows is spelled right (the store just lacks it) and is not
 * corrected.
 */
export function correctTypo(word: string, index: KnowledgeIndex): TypoCorrection | undefined {
  if (word.length < MIN_LENGTH || word.length > MAX_LENGTH || !/^[a-z]+$/.test(word)) return undefined;
  const dictionary = dutchDictionary();
  if (dictionary && knowsWordOrName(dictionary, word)) return undefined;
  const own = stemDutch(word);
  const stems = [...new Set(editsOne(word).map(stemDutch))].filter((s) => s !== own && s.length >= 3);
  let best: TypoCorrection | undefined;
  for (const [term, df] of index.documentFrequencies(stems)) {
    if (df > 0 && (!best || df > best.df || (df === best.df && term < best.term))) best = { term, df };
  }
  return best;
}
