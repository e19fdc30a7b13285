import { dutchDictionary, knowsWordOrName } from "./dutch-dictionary.js";
import { DUTCH_STOPWORDS } from "./stopwords.js";
import { isOneEditFrom } from "./typo-edits.js";

/**
 * What people type in chat around a question without naming its topic: abbreviations of chat Dutch
 * (*zn* zijn, *mn* mijn, *ff* even, *ipv* in plaats van, *ivm* in verband met, *mss* misschien, *wss*
 * waarschijnlijk), greetings and fillers (*hoi*, *nou*, *trouwens*, *sowieso*) and the English ones
 * (*pls*, *thx*). Dropped from questions only, not from documents: a report may well say *trouwens*,
 * but an asker's *trouwens* says nothing about what to look for, and a word the store lacks counts
 * against answering. (Not *btw*: in Dutch that is the tax; not *zeg*: "hoe zeg ik het lidmaatschap op" asks
 * about opzeggen.)
 */
export const CHAT_WORDS: ReadonlySet<string> = new Set([
  ..."bijvoorbeeld bijv bv evt eventueel ff effe ipv mbt ivm tov vs zn mn dr idd wss gwn ng kn hb wrm nie ofzo enzo oid enz etc dwz iig zsm mss aub svp tzt".split(" "),
  ..."hoi hallo hey hee hai doei ok oke okee nou jep jup trouwens sowieso thx tnx dankjewel dankuwel alvast groetjes mvg".split(" "),
  ..."pls plz thanks hi hello okay u ur".split(" "),
]);

/** A mistyped stop word must be this long (and the word it stands for): shorter ones are too near to others. */
const MIN_MISTYPED = 6;
const STOP_WORD_LENGTHS = { min: MIN_MISTYPED, max: Math.max(...[...DUTCH_STOPWORDS].map((w) => w.length)) };

/**
 * Whether a (folded) question word is a stop word typed wrong (*eigelijk*, *misschein*, *waaorm*): not
 * on the Dutch word list and one edit from a stop word of six letters or more. Typo correction only
 * looks at the store's words, which hold no stop words, so it would count such a word as unknown (or
 * make it a topic word it is one edit from). Without the word list nothing is dropped.
 */
export function isMistypedStopWord(word: string): boolean {
  if (word.length < MIN_MISTYPED || !/^[a-z]+$/.test(word)) return false;
  // The edits first (in memory); the word list only for a word one edit from a stop word.
  if (!isOneEditFrom(word, (e) => DUTCH_STOPWORDS.has(e), STOP_WORD_LENGTHS)) return false;
  const dictionary = dutchDictionary();
  return !!dictionary && !knowsWordOrName(dictionary, word);
}
