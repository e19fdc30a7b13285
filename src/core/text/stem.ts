import snowball from "snowball-stemmers";
import { lemmatiseIrregular } from "./irregular-verbs.js";

const dutch = snowball.newStemmer("dutch");
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
  stem = dutch.stem(stem);
  if (stem.endsWith("s") && stem.length > 4) stem = dutch.stem(stem);
  if (cache.size > 200_000) cache.clear();
  cache.set(word, stem);
  return stem;
}
