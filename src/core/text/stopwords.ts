import { createRequire } from "node:module";

// A JSON package: read through require, so plain Node (the prebuilt dist/) loads it as tsx does.
const stopwordsIso = createRequire(import.meta.url)("stopwords-iso") as Record<string, string[]>;

/**
 * Dutch stop words: the stopwords-iso list (the most complete maintained list) plus the question and
 * chat words that people type to an assistant but that carry no topic.
 */
export const DUTCH_STOPWORDS: ReadonlySet<string> = new Set([
  ...stopwordsIso.nl!,
  ...["hoe", "wat", "waarom", "welke", "welk", "wie", "waar", "wanneer", "waarmee", "waarover", "hoeveel"],
  ...["ik", "je", "jij", "jullie", "we", "wij", "ons", "onze", "mijn", "m'n", "z'n", "zo'n", "d'r", "graag", "even", "eigenlijk"],
  ...["vraag", "vragen", "iemand", "iets", "zoal", "soort", "manier", "manieren", "gaat", "gaan", "krijgen"],
].map((w) => w.normalize("NFKD").replace(/\p{M}+/gu, "")));

/**
 * A compact English list, used only for questions detected as English. (stopwords-iso's English list
 * also drops topic words such as "group" and "free", which hurts retrieval.)
 */
export const ENGLISH_STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being below between
  both but by can could did do does doing down during each few for from further had has have having he her
  here hers him his how i if in into is it its itself just me more most my no nor not now of off on once only
  or other our ours out over own same she should so some such than that the their theirs them then there these
  they this those through to too under until up very was we were what when where which while who whom why will
  with would you your yours get got make made want need please tell know anyone someone thing things way ways`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words that mark a question as English. Beside the question words, common function words that are no
 * Dutch words ("our", "this", "has", "anyone"): "We'd like to … in our village. Has anyone …?" has no
 * question word, and its "we" counts for Dutch.
 */
const ENGLISH_MARKERS = new Set([
  "the", "what", "how", "which", "who", "is", "are", "can", "does", "do", "of", "and", "to", "for", "with",
  "our", "this", "about", "has", "have", "anyone", "where", "there", "would", "your", "my", "from", "any",
  "did", "should", "could", "that", "it", "they", "their", "when", "why", "some", "a", "an", "at", "get",
]);
/**
 * "of" is Dutch too (*of* / *weet iemand of …*): in both sets it counts for neither, as "is" does. Beside the
 * question words, common Dutch words that are no English ones, so that a Dutch question without them is not
 * outvoted by a name ("De Wielewaal" counts for Dutch in an English question; "what … did" outweighs it).
 */
const DUTCH_MARKERS = new Set([
  "de", "het", "een", "wat", "hoe", "welke", "wie", "is", "of", "zijn", "kan", "van", "en", "voor", "met", "ik", "we",
  "er", "iemand", "weet", "niet", "ook", "bij", "op", "te", "dat", "om", "waar", "waarom", "wanneer", "ons", "onze",
  "jullie", "moet", "moeten", "naar", "nog", "maar", "dit", "deze", "geen", "heeft", "hebben", "wordt", "mijn",
]);

/** Guesses whether a question is English; anything else is treated as Dutch. */
export function detectLanguage(tokens: readonly string[]): "nl" | "en" {
  let en = 0;
  let nl = 0;
  for (const t of tokens) {
    if (ENGLISH_MARKERS.has(t) && !DUTCH_MARKERS.has(t)) en++;
    if (DUTCH_MARKERS.has(t) && !ENGLISH_MARKERS.has(t)) nl++;
  }
  return en > nl ? "en" : "nl";
}
