import { foldDiacritics, tokenize } from "../text/fold.js";
import { withOpenSyllable } from "../text/open-syllable.js";
import { stemDutch } from "../text/stem.js";
import { knownWord, rememberedLookup } from "./word-list-lookups.js";

/**
 * Dutch nouns made from verbs, back to their verb: what an initiative did ("reanimatiecursussen",
 * "ontwikkelen", "beheer") and what an asker writes ("reanimeren", "projectontwikkelaar", "beheerder")
 * then meet at the verb's stem. The stemmer takes off some endings (-ing mostly, -heid) but keeps the
 * rest: -atie and -ator (organisatie, organisator → organiseren), -aar and -er of the one who does it
 * (ontwikkelaar → ontwikkelen, beheerder → beheren, leraar → leren), and -ing where it stays
 * (stemming → stemmen). A verb made so is kept only when the Dutch word list knows it ("water" is not
 * made from "waten" unless the list says so; without the list nothing is derived).
 */
const RULES: Array<[RegExp, string]> = [
  [/isatie$/, "iseren"], [/atie$/, "eren"], [/ator$/, "eren"],
  [/ing$/, "en"], [/aar$/, "en"], [/(?<=r)der$/, "en"], [/er$/, "en"],
];
/** Shorter words are left alone ("ring", "aar", "later"): too many of them are no derivation. */
const MIN_WORD = 6;

/** The infinitives a word is made from ("beheerder" → beheren); empty for a word that is no such noun. */
export function derivedVerbs(word: string, knows: (word: string) => boolean = knownWord): string[] {
  if (word.length < MIN_WORD) return [];
  const verbs = new Set<string>();
  // The first ending that makes a known verb is the one: "beheerder" is beheren, not "beheerden".
  for (const [ending, verbEnding] of RULES) {
    if (verbs.size) break;
    if (!ending.test(word)) continue;
    const base = word.replace(ending, "");
    if (base.length < 3) continue;
    // An open syllable spells its long vowel single: "beheer" + en → "beheren".
    for (const stem of new Set([base, withOpenSyllable(base)])) {
      const verb = `${stem}${verbEnding}`;
      if (verb !== word && knows(verb)) verbs.add(verb);
    }
  }
  return [...verbs];
}

/**
 * The stems of the verbs a word is made from, other than its own stem: what the gids adds for it. A
 * compound is made from its last part ("projectontwikkelaar" → ontwikkelen), longest part first.
 */
export const derivationStems = rememberedLookup(derivationStemsOf);

function derivationStemsOf(word: string, knows: (word: string) => boolean): string[] {
  const own = stemDutch(word);
  const whole = derivedVerbs(word, knows);
  if (whole.length) return [...new Set(whole.map(stemDutch))].filter((s) => s !== own);
  for (let cut = MIN_MODIFIER; word.length - cut >= MIN_WORD; cut++) {
    const left = word.slice(0, cut);
    if (!knows(left) && !(left.endsWith("s") && knows(left.slice(0, -1)))) continue;
    const verbs = derivedVerbs(word.slice(cut), knows);
    if (verbs.length) return [...new Set(verbs.map(stemDutch))].filter((s) => s !== own);
  }
  return [];
}
/** The part before the last part of a compound is at least this long ("project", "dorps"). */
const MIN_MODIFIER = 4;

/** The derivation stems of the words of a text. */
export function derivationStemsIn(text: string, knows?: (word: string) => boolean): string[] {
  return [...new Set(tokenize(foldDiacritics(text)).flatMap((w) => derivationStems(w, knows)))];
}

