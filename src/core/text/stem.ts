import snowball from "snowball-stemmers";

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
  let stem = word.length >= 6 && word.endsWith("ies") ? word.slice(0, -1) : word;
  stem = dutch.stem(stem);
  if (stem.endsWith("s") && stem.length > 4) stem = dutch.stem(stem);
  if (cache.size > 200_000) cache.clear();
  cache.set(word, stem);
  return stem;
}
