import { dutchDictionary } from "./dutch-dictionary.js";
import { snowballDutch } from "./dutch-snowball.js";
import { lemmatiseIrregular } from "./irregular-verbs.js";

const cache = new Map<string, string>();

/**
 * Dutch Snowball stem, with repairs so that singular and plural meet: plurals Snowball leaves whole
 * lose their ending first (subsidies → subsidie, brochures → brochure, energieën → energie; see
 * singularOfVowelPlural), and a stem still ending in "s" is stemmed once more (fondsen → fonds → fond,
 * as fonds → fond). Stemming everything twice would over-stem (vereniging → verenig → ver).
 */
export function stemDutch(word: string): string {
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const lemma = lemmatiseIrregular(word);
  let stem = snowballDutch(singularOfVowelPlural(lemma));
  stem = alignAlternations(stem);
  if (stem.endsWith("s") && stem.length > 4) stem = snowballDutch(stem);
  if (cache.size > 200_000) cache.clear();
  cache.set(word, stem);
  return stem;
}

/**
 * Snowball removes a plural "-s" only after a consonant and "-en" only after one, so the plurals of
 * words that end in a vowel kept theirs: "-ies" (subsidies, premies), "-es" of a word ending in a mute
 * e (brochures, routes, websites, kaartjes) and "-ën" (energieën, ideeën, knieën; "ieen"/"eeen" once
 * the diaeresis is folded). "-es" is only taken off when the word list knows the singular, so proces,
 * congres and adres stay whole.
 */
function singularOfVowelPlural(word: string): string {
  if (word.length < 5) return word;
  if (word.endsWith("ies")) return word.length >= 6 ? word.slice(0, -1) : word;
  if (/(ie|ee)en$/.test(word)) return word.slice(0, -2);
  if (/[^aeiouy]es$/.test(word) && dutchDictionary()?.knows(word.slice(0, -1))) return word.slice(0, -1);
  return word;
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
