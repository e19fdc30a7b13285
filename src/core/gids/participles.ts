import { foldDiacritics, tokenize } from "../text/fold.js";
import { withOpenSyllable } from "../text/open-syllable.js";
import { stemDutch } from "../text/stem.js";

/** Separable prefixes before "ge" in a participle: opgericht, aangelegd, overgenomen. */
const PREFIX = "(aan|af|bij|door|in|mee|na|om|onder|op|over|samen|terug|toe|uit|voor|weg)?";
const PARTICIPLE = new RegExp(`^${PREFIX}ge([a-z]+[dt])$`);
const STRONG = new RegExp(`^${PREFIX}ge([a-z]+en)$`);

/**
 * The vowel changes of Dutch strong verbs, participle ending → infinitive ending: gesloten → sluiten,
 * gebleven → blijven, begonnen → beginnen, gevonden → vinden, geholpen → helpen, genomen → nemen,
 * geboden → bieden, gestorven → sterven, geworven → werven. Only these regular series; the rest of
 * the strong verbs are left alone.
 */
const ABLAUT: Array<[RegExp, string]> = [
  [/oten$/, "uiten"], [/oden$/, "ieden"], [/oren$/, "iezen"], [/even$/, "ijven"], [/eden$/, "ijden"], [/eten$/, "ijten"],
  [/onnen$/, "innen"], [/onden$/, "inden"], [/onken$/, "inken"], [/olpen$/, "elpen"], [/omen$/, "emen"], [/orven$/, "erven"],
];

/** The infinitive stems behind a strong participle ("aangesloten" → stem of "aansluiten"). */
function strongStems(word: string): string[] {
  const match = STRONG.exec(word);
  if (!match) return [];
  const prefix = match[1] ?? "";
  const rest = match[2]!;
  return ABLAUT.filter(([ending]) => ending.test(rest) && rest.length >= 5)
    .map(([ending, infinitive]) => stemDutch(`${prefix}${rest.replace(ending, infinitive)}`))
    .filter((stem) => stem !== stemDutch(word));
}

/**
 * The verb behind a regular past participle, as the stemmer writes the infinitive: "opgericht" →
 * stem of "oprichten", "gestart" → of "starten", "geregeld" → of "regelen". The stemmer keeps
 * participles whole, so "we hebben een coöperatie opgericht" and "een coöperatie oprichten" would not
 * meet. The final -d/-t is the ending or part of the root ("gericht"): both are tried. Roots shorter
 * than four letters (three after a prefix) are left alone ("gezond" is no "zon").
 */
export function participleStems(word: string): string[] {
  const match = PARTICIPLE.exec(word);
  if (!match) return strongStems(word);
  const prefix = match[1] ?? "";
  const rest = match[2]!;
  const own = stemDutch(word);
  const stems = new Set<string>();
  for (const root of [rest.slice(0, -1), rest]) {
    if (root.length < (prefix ? 3 : 4)) continue;
    const infinitive = `${prefix}${withOpenSyllable(root)}en`;
    const stem = stemDutch(infinitive);
    if (stem !== own) stems.add(stem);
  }
  return [...stems];
}

/** The infinitive stems of the participles in a text. */
export function participleStemsIn(text: string): string[] {
  return tokenize(foldDiacritics(text)).flatMap(participleStems);
}
