import { LINKS } from "../text/compounds.js";
import type { TopicGroup } from "./profile-evidence.js";
import { rememberedLookup } from "./word-list-lookups.js";

/** Each part of a coined compound is at least this long ("bat", "pin" are too near to other words to count). */
const MIN_PART = 4;
/** A coined compound has at most this many parts ("honden|uitlaat|veld"). */
const MAX_PARTS = 3;
/** The linking letters between parts: those of text/compounds.ts, and the -er- of "kinder|opvang", "eier|dop". */
const LINKING = [...LINKS, "er"];

/**
 * A name made for a specific thing: a compound the Dutch word list does not have as a whole, made of
 * words it does have ("hondenuitlaatveld", "carnavalsoptocht", "kindernevendienst"). A word the list
 * knows is no such name, compound or not ("ouderen", "glijbaan", "bestemming"), nor a word that splits
 * into no known words (a typo, a name). Its parts, or empty when it is none; empty without the word list.
 */
export const coinedCompoundParts = rememberedLookup((word, knows) => (knows(word) ? [] : partsOf(word, knows, MAX_PARTS)));

/** The parts of a word made of known words (the last part longest first), at most `max` of them; empty when none. */
function partsOf(word: string, knows: (word: string) => boolean, max: number): string[] {
  if (max < 2) return [];
  for (let cut = MIN_PART; cut <= word.length - MIN_PART; cut++) {
    const head = word.slice(cut);
    if (!knows(head)) continue;
    const left = word.slice(0, cut);
    for (const link of LINKING) {
      if (link && !left.endsWith(link)) continue;
      const base = left.slice(0, left.length - link.length);
      if (base.length < MIN_PART) continue;
      if (knows(base)) return [base, head];
      const parts = partsOf(base, knows, max - 1);
      if (parts.length) return [...parts, head];
    }
  }
  return [];
}

/**
 * Whether a question names a thing the gids does not know: a topic word that is a coined compound
 * ("hondenuitlaatveld") which no profile holds in any form, whole, by its head or first part, nor through
 * the vocabulary. In a short question that thing is what it asks about ("wie heeft ervaring met het
 * aanleggen van een hondenuitlaatveld?"); a profile sharing a side word (aanleggen) is a near miss.
 */
export function namesUnknownThing(groups: readonly TopicGroup[]): boolean {
  return groups.some((g) => !g.terms.some((t) => t.df > 0) && coinedCompoundParts(g.word).length > 0);
}
