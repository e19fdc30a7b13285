import { snowballDutch } from "./dutch-snowball.js";
import { lemmatiseIrregular } from "./irregular-verbs.js";

const cache = new Map<string, string>();

/**
 * Dutch Snowball stem, with two repairs so that singular and plural meet: plural "-ies" loses its "s"
 * first (subsidies → subsidie), and a stem still ending in "s" is stemmed once more (fondsen → fonds →
 * fond, as fonds → fond). Stemming everything twice would over-stem (vereniging → verenig → ver).
 */
export function stemDutch(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const lemma = lemmatiseIrregular(word);
  let stem = lemma.length >= 6 && lemma.endsWith("ies") ? lemma.slice(0, -1) : lemma;
  stem = snowballDutch(stem);
  stem = alignAlternations(stem);
  if (stem.endsWith("s") && stem.length > 4) stem = snowballDutch(stem);
  if (cache.size > 200_000) cache.clear();
  cache.set(word, stem);
  return stem;
}

/**
 * Dutch spells the same stem two ways depending on what follows: a voiced v/z before a vowel
 * (brieven, huizen) and f/s at the end (brief, huis), a doubled vowel in a closed syllable
 * (provinciaal) and a single one in an open syllable (provinciale), a doubled consonant before a
 * vowel (gemeenschappen) and a single one at the end (gemeenschap). Snowball only handles part of
 * this; the rest is done here, as the Kraaij-Pohlmann stemmer does.
 */
export function alignAlternations(stem: string): string {
  let aligned = stem;
  if (aligned.length > 3 && aligned.endsWith("v")) aligned = `${aligned.slice(0, -1)}f`;
  else if (aligned.length > 3 && aligned.endsWith("z")) aligned = `${aligned.slice(0, -1)}s`;
  const doubled = /(aa|ee|oo|uu)([^aeiouy])$/.exec(aligned);
  if (doubled && aligned.length > 4) aligned = `${aligned.slice(0, doubled.index + 1)}${doubled[2]}`;
  // A Dutch word does not end in a double consonant: gemeenschapp(en) → gemeenschap, mann(en) → man.
  if (aligned.length > 3 && /([^aeiouy])\1$/.test(aligned)) aligned = aligned.slice(0, -1);
  return aligned;
}
