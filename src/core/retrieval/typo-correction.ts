import type { KnowledgeIndex } from "../ports.js";
import { dutchDictionary, knowsWordOrName, type DutchDictionary } from "../text/dutch-dictionary.js";
import { lemmatiseIrregular } from "../text/irregular-verbs.js";
import { alignAlternations, stemDutch } from "../text/stem.js";
import { editDistanceWithin, editsOne } from "../text/typo-edits.js";

const MIN_LENGTH = 5;
const MAX_LENGTH = 30;
/** Unknown words of one question tried at most: a long hostile question stays cheap. */
export const MAX_TYPO_WORDS = 5;
const MIN_STEM = 3;
/** Store terms one edit from the typed word's term that are checked against the dictionary. */
const MAX_NEAR_TERMS = 8;

export type TypoCorrection = { term: string; df: number; edits: 1 | 2 };

/** Per mistyped word and vocabulary, its correction (or none): a question asked again costs nothing. */
const cache = new WeakMap<ReadonlyMap<string, number>, Map<string, TypoCorrection | null>>();

/**
 * The index term a mistyped question word stands for ("vrijwillegers" → vrijwilliger): of the Dutch
 * words one edit away, the one whose term the store knows in the most passages. Only for words of 5
 * to 30 letters that the Dutch dictionary does not know (a known word is spelled right; the store just
 * lacks it). An edit can only lead to a store term when it begins with one (a stem is its word less
 * an ending, up to the stemmer's spelling changes), so the edits are first checked against the store's
 * vocabulary in memory and only the few left are asked of the dictionary, which costs some
 * microseconds a word. Without the dictionary nothing is corrected.
 */
export function correctTypo(word: string, index: KnowledgeIndex): TypoCorrection | undefined {
  if (word.length < MIN_LENGTH || word.length > MAX_LENGTH || !/^[a-z]+$/.test(word)) return undefined;
  const dictionary = dutchDictionary();
  if (!dictionary || knowsWordOrName(dictionary, word)) return undefined;
  const vocabulary = index.termVocabulary();
  let known = cache.get(vocabulary);
  if (!known) cache.set(vocabulary, (known = new Map()));
  const cached = known.get(word);
  if (cached !== undefined) return cached ?? undefined;
  const own = stemDutch(word);
  const best = nearTerm(word, own, vocabulary, dictionary) ?? nearWord(word, own, vocabulary, dictionary) ?? nearTwoEdits(word, own, vocabulary, dictionary);
  if (known.size > 10_000) known.clear();
  known.set(word, best ?? null);
  return best;
}

/**
 * The common case, cheapest: a store term one edit from the word's own term ("vrijwilleger" →
 * vrijwilliger) that is the term of a Dutch word, the typed word's ending put back on it.
 */
function nearTerm(word: string, own: string, vocabulary: ReadonlyMap<string, number>, dictionary: DutchDictionary): TypoCorrection | undefined {
  const near: TypoCorrection[] = [];
  for (const term of editsOne(own)) {
    const df = vocabulary.get(term) ?? 0;
    if (df > 0 && term.length >= MIN_STEM) near.push({ term, df, edits: 1 });
  }
  near.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
  const ending = word.startsWith(own) ? word.slice(own.length) : "";
  return near.slice(0, MAX_NEAR_TERMS).find(({ term }) =>
    [term + ending, term, `${term}en`, `${term}e`].some((form) => form !== word && dictionary.knows(form) && stemDutch(form) === term),
  );
}

/**
 * A typo the stemmer does not see through (in the ending, or one that changes how the word is cut):
 * the Dutch words one edit away whose beginning is a store term, the most common term first.
 */
function nearWord(word: string, own: string, vocabulary: ReadonlyMap<string, number>, dictionary: DutchDictionary): TypoCorrection | undefined {
  let best: TypoCorrection | undefined;
  for (const edit of editsOne(word)) {
    if (!(startsWithTerm(edit, vocabulary) || lemmatiseIrregular(edit) !== edit) || !dictionary.knows(edit)) continue;
    const term = stemDutch(edit);
    const df = vocabulary.get(term) ?? 0;
    if (term === own || term.length < MIN_STEM || df === 0) continue;
    if (!best || df > best.df || (df === best.df && term < best.term)) best = { term, df, edits: 1 };
  }
  return best;
}

/** Two slips are only read as such in long words: in short ones too many other words lie that near. */
const MIN_LENGTH_TWO_EDITS = 8;

/**
 * Two slips in a long word ("iniatief" → initiatief, "vrijwiligrs" → vrijwilliger): the store terms
 * at most two edits from the word's own term, whose word the dictionary knows, the most common first.
 * The terms are looked at by length and first letter only (a slip rarely hits the first letter),
 * grouped once per vocabulary.
 */
function nearTwoEdits(word: string, own: string, vocabulary: ReadonlyMap<string, number>, dictionary: DutchDictionary): TypoCorrection | undefined {
  if (word.length < MIN_LENGTH_TWO_EDITS) return undefined;
  const groups = termsByStart(vocabulary);
  const near: TypoCorrection[] = [];
  for (let length = own.length - 2; length <= own.length + 2; length++) {
    for (const term of groups.get(`${own[0]}${length}`) ?? []) {
      if (term !== own && editDistanceWithin(own, term, 2) <= 2) near.push({ term, df: vocabulary.get(term) ?? 0, edits: 2 });
    }
  }
  near.sort((a, b) => b.df - a.df || (a.term < b.term ? -1 : 1));
  const ending = word.startsWith(own) ? word.slice(own.length) : "";
  return near.slice(0, MAX_NEAR_TERMS).find(({ term }) =>
    [term + ending, term, `${term}en`, `${term}e`].some((form) => form !== word && dictionary.knows(form) && stemDutch(form) === term),
  );
}

const startGroups = new WeakMap<ReadonlyMap<string, number>, Map<string, string[]>>();

/** The vocabulary's terms grouped by first letter and length ("i10" → initiatief, …). */
function termsByStart(vocabulary: ReadonlyMap<string, number>): Map<string, string[]> {
  let groups = startGroups.get(vocabulary);
  if (groups) return groups;
  groups = new Map();
  for (const term of vocabulary.keys()) {
    if (term.length < MIN_STEM) continue;
    const key = `${term[0]}${term.length}`;
    const group = groups.get(key);
    if (group) group.push(term);
    else groups.set(key, [term]);
  }
  startGroups.set(vocabulary, groups);
  return groups;
}

/**
 * Whether a word is a store term followed by an ending the stemmer takes off (Snowball's Dutch
 * suffixes: -lijk, -baar, -ing, -ig, -end, -heid/-heden, -e, -en, -s …), allowing for the stemmer's
 * respelling of the term's end (v/f, z/s, aa/a, pp/p). Walks back from the end while what follows
 * can still be such an ending, so a word costs a few look-ups.
 */
function startsWithTerm(word: string, vocabulary: ReadonlyMap<string, number>): boolean {
  for (let end = word.length; end >= MIN_STEM; end--) {
    const ending = word.slice(end);
    if (!ENDING_TAILS.has(ending)) return false;
    if (!ENDINGS.has(ending)) continue;
    const prefix = word.slice(0, end);
    if (vocabulary.has(prefix) || (mayAlternate(prefix) && vocabulary.has(alignAlternations(prefix)))) return true;
  }
  return false;
}

/** Endings the stemmer takes off, as combinations of Snowball's Dutch suffixes and inflections. */
const ENDINGS = new Set(
  ["", "lijk", "elijk", "baar", "bar", "ing", "ig", "end", "ier"].flatMap((derivation) =>
    ["", "heid", "heden"].flatMap((noun) =>
      ["", "e", "en", "ene", "s", "se", "es", "ens", "er", "ers", "t", "te", "ten", "de", "den"].map((inflection) => derivation + noun + inflection),
    ),
  ),
);
/** Every ending of an ending in ENDINGS ("ngen" of "ingen"): what may still grow into one, read backwards. */
const ENDING_TAILS = new Set([...ENDINGS].flatMap((ending) => [...ending].map((_, i) => ending.slice(i)).concat("")));
const VOWEL = /[aeiouy]/;

/** Whether the stemmer would respell the end of this stem (a final v or z, a double letter before the end). */
function mayAlternate(stem: string): boolean {
  const n = stem.length;
  const last = stem[n - 1]!;
  if (last === "v" || last === "z") return true;
  if (n >= 2 && stem[n - 2] === last && !VOWEL.test(last)) return true;
  return n >= 3 && stem[n - 2] === stem[n - 3] && VOWEL.test(stem[n - 2]!);
}
