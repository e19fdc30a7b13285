import { foldDiacritics } from "./text/fold.js";

export type ConsentChoice = "share" | "share_anonymous" | "dont_share";

const YES = new Set(["ja", "jawel", "jazeker", "wel", "ok", "oke", "okay", "okido", "prima", "goed", "graag", "akkoord", "yes", "sure"]);
const NO = new Set(["nee", "neen", "niet", "no", "nope", "not", "dont"]);
const ANONYMOUS = new Set(["anoniem", "anonymous", "anonymously", "zonder", "without"]);
const SHARE_VERBS = new Set(["deel", "delen", "doorgeven", "geef", "share"]);
/** Words that may stand around the answer without changing it ("ja, deel hem maar", "nee dank je"). */
const FILLER = new Set([
  "door", "mijn", "vraag", "maar", "het", "hem", "dat", "mag", "is", "liever", "hoor", "dan", "alsjeblieft", "aub", "please",
  "met", "naam", "dank", "je", "u", "bedankt", "doen", "it", "my", "question", "thanks", "name", "with",
]);
const MAX_WORDS = 6;
/** Words that may only acknowledge ("ok", "prima"), and words of thanks: together they choose nothing. */
const ACKNOWLEDGEMENTS = new Set(["ok", "oke", "okay", "okido", "prima", "goed"]);
const THANKS = new Set(["dank", "bedankt", "thanks"]);
/**
 * Words a Dutch question opens with (a verb first, or a question word): "is het met naam", "mag dat
 * anoniem" ask about the choice, typed without a question mark; they are no answer.
 */
const QUESTION_OPENERS = new Set([
  "is", "mag", "kan", "kun", "kunt", "moet", "wordt", "gaat", "zal", "wil", "krijgt", "ziet", "zien", "blijft", "weet",
  "wat", "wie", "hoe", "waarom", "wanneer", "welke", "waar", "can", "will", "do", "does", "who", "what", "how",
]);
/** "niet met (mijn) naam", "not with my name": share, but without the name. */
const WITHOUT_NAME = /\b(niet|not)\s+(met|with)?\s*(mijn|my)?\s*(naam|name)\b/;

/**
 * A typed answer to the consent question, or undefined when the message is something else. Only a
 * short reply made of nothing but the answer counts ("ja", "deel anoniem", "nee, liever niet");
 * a message with other words is a new message ("Kan ik anoniem doneren?", "Niet-leden…"), and a
 * reply that says yes and no at once is no answer either.
 */
export function consentFromText(text: string): ConsentChoice | undefined {
  const words = consentWords(text);
  if (!words || QUESTION_OPENERS.has(words[0]!)) return undefined;
  const known = (w: string) => YES.has(w) || NO.has(w) || ANONYMOUS.has(w) || SHARE_VERBS.has(w) || FILLER.has(w);
  if (!words.every(known)) return undefined;
  const withoutName = WITHOUT_NAME.exec(words.join(" "));
  if (withoutName) {
    // "niet met naam" says anonymous; with a "nee" or "ja" besides it, the reply is no clear answer.
    const rest = words.join(" ").replace(withoutName[0], " ").split(/\s+/).filter(Boolean);
    return rest.some((w) => YES.has(w) || NO.has(w)) ? undefined : "share_anonymous";
  }
  const has = (set: Set<string>) => words.some((w) => set.has(w));
  if (has(NO)) return has(YES) || has(ANONYMOUS) ? undefined : "dont_share";
  // "ok, dank je" and "prima, bedankt" may only thank for the reply: no choice to share.
  if (has(THANKS) && !has(ANONYMOUS) && !has(SHARE_VERBS) && words.every((w) => !YES.has(w) || ACKNOWLEDGEMENTS.has(w))) return undefined;
  if (has(ANONYMOUS)) return "share_anonymous";
  if (has(YES) || has(SHARE_VERBS) || words.includes("naam") || words.includes("name")) return "share";
  return undefined;
}

/** Words that say yes to sharing outright (not an acknowledgement such as "ok" or "prima"). */
const OUTRIGHT_YES = new Set(["ja", "jawel", "jazeker", "yes", "anoniem", "anonymous", ...SHARE_VERBS]);

/** A reply that chooses to share in so many words ("ja", "anoniem", "deel hem"), not an "ok" that may only acknowledge. */
export function sharesOutright(text: string): boolean {
  const choice = consentFromText(text);
  return (choice === "share" || choice === "share_anonymous") && !!consentWords(text)?.some((w) => OUTRIGHT_YES.has(w));
}

/**
 * Whether a message is about the consent choice without being a clear answer to it ("is het met
 * naam", "mag dat anoniem", "ja nee"): short, and made only of the choice's words. It gets the choice
 * explained again; it is not a new question (it would replace the one waiting).
 */
export function asksAboutConsent(text: string): boolean {
  const words = consentWords(text.replace(/\?/g, " "), 8);
  if (!words || consentFromText(text)) return false;
  const about = (w: string) => YES.has(w) || NO.has(w) || ANONYMOUS.has(w) || SHARE_VERBS.has(w) || FILLER.has(w) || QUESTION_OPENERS.has(w) || ABOUT_CHOICE.has(w);
  return words.every(about) && words.some((w) => ANONYMOUS.has(w) || w === "naam" || w === "name" || SHARE_VERBS.has(w) || YES.has(w) || NO.has(w));
}

/** Further words of a question about the choice ("wie ziet mijn naam", "weet de tolk wie ik ben"). */
const ABOUT_CHOICE = new Set(["de", "tolk", "tolken", "iemand", "ik", "ben", "erbij", "zonder", "or", "the", "with"]);

/** The words of a short reply (folded, split at spaces and punctuation), or undefined when it is not short. */
function consentWords(text: string, maxWords = MAX_WORDS): string[] | undefined {
  const folded = foldDiacritics(text).toLowerCase().trim();
  if (!folded || folded.includes("?")) return undefined;
  // Hyphens join words ("niet-leden" is one word, not "niet"): only spaces and punctuation around words split.
  // Direction marks and isolates, which a right-to-left keyboard puts around a typed "ja" unseen, are gone
  // already (foldDiacritics removes them, as from all analysed text).
  const words = joinPhrases(folded).replace(/[.,!;:'"()…]+/g, " ").split(/\s+/).filter(Boolean);
  return words.length === 0 || words.length > maxWords ? undefined : words;
}

/**
 * Phrases read as one word: "don't" and "do not" are a no (while "do" opens a question: "do you share
 * my name"), "thank you" is thanks, and the "wel" of "dank je wel" is no yes ("nee dank je wel").
 */
function joinPhrases(folded: string): string {
  return folded
    .replace(/\bdon['’‘`]?t\b|\bdo not\b/g, "dont")
    .replace(/\bthank you\b/g, "thanks")
    .replace(/\bdank (je|u) wel\b/g, "dank $1");
}
