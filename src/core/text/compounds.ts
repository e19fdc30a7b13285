import { stemDutch } from "./stem.js";

/** Dutch joins compound parts with a linking -s-, -e- or -en- ("gemeenschapskracht", "evenementenvergunning"). */
export const LINKS = ["", "s", "en", "e"];
const MIN_PART = 4;
/** Longer "words" are not tried as compounds (the longest Dutch compounds in use are some 45 letters): the work per word stays small. */
export const MAX_COMPOUND_CHARS = 48;

export type CompoundSplit = {
  /** Stem of the right-hand part, which carries the meaning. */
  head: string;
  modifier: string;
  /** The modifier is known only as the start of other compounds ("financiering…"): search it as a prefix. */
  modifierIsPrefix: boolean;
};

type Vocabulary = { isKnown(stem: string): boolean; isKnownPrefix(prefix: string): boolean };

/**
 * Splits an unknown compound word into two parts the knowledge store knows, preferring the longest
 * head (the right-hand part carries a Dutch compound's meaning). The left part may also be known only
 * as the start of other compounds, as in "financierings|vormen" against "financieringsarrangementen".
 */
export function splitCompound(word: string, vocabulary: Vocabulary): CompoundSplit | undefined {
  if (word.length < 2 * MIN_PART + 1 || word.length > MAX_COMPOUND_CHARS) return undefined;
  for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
    const head = stemDutch(word.slice(cut));
    if (!vocabulary.isKnown(head)) continue;
    const left = word.slice(0, cut);
    for (const link of LINKS) {
      if (link && !left.endsWith(link)) continue;
      const base = left.slice(0, left.length - link.length);
      if (base.length < MIN_PART) continue;
      const modifier = stemDutch(base);
      if (vocabulary.isKnown(modifier)) return { head, modifier, modifierIsPrefix: false };
      if (vocabulary.isKnownPrefix(base)) return { head, modifier: base, modifierIsPrefix: true };
    }
  }
  return undefined;
}
