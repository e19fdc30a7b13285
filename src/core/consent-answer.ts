import { foldDiacritics } from "./text/fold.js";

export type ConsentChoice = "share" | "share_anonymous" | "dont_share";

const YES = new Set(["ja", "jawel", "jazeker", "ok", "oke", "okay", "okido", "prima", "goed", "graag", "akkoord", "yes", "sure"]);
const NO = new Set(["nee", "neen", "niet", "liever", "no", "nope", "not"]);
const ANONYMOUS = new Set(["anoniem", "anonymous", "anonymously", "zonder"]);
const SHARE_VERBS = new Set(["deel", "delen", "doorgeven", "geef", "share"]);
/** Words that may stand around the answer without changing it ("ja, deel hem maar", "nee dank je"). */
const FILLER = new Set([
  "door", "mijn", "vraag", "maar", "het", "hem", "dat", "mag", "is", "wel", "hoor", "dan", "alsjeblieft", "aub", "please",
  "met", "naam", "dank", "je", "u", "bedankt", "doen", "it", "my", "question", "thanks", "name",
]);
const MAX_WORDS = 6;

/**
 * A typed answer to the consent question, or undefined when the message is something else. Only a
 * short reply made of nothing but the answer counts ("ja", "deel anoniem", "nee, liever niet");
 * a message with other words is a new message ("Kan ik anoniem doneren?", "Niet-leden…"), and a
 * reply that says yes and no at once is no answer either.
 */
export function consentFromText(text: string): ConsentChoice | undefined {
  const folded = foldDiacritics(text).trim();
  if (!folded || folded.includes("?")) return undefined;
  // Hyphens join words ("niet-leden" is one word, not "niet"): only spaces and punctuation around words split.
  const words = folded.replace(/[.,!;:'"()…]+/g, " ").split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_WORDS) return undefined;
  const known = (w: string) => YES.has(w) || NO.has(w) || ANONYMOUS.has(w) || SHARE_VERBS.has(w) || FILLER.has(w);
  if (!words.every(known)) return undefined;
  const has = (set: Set<string>) => words.some((w) => set.has(w));
  if (has(NO)) return has(YES) || has(ANONYMOUS) ? undefined : "dont_share";
  if (has(ANONYMOUS)) return "share_anonymous";
  if (has(YES) || has(SHARE_VERBS) || words.includes("naam")) return "share";
  return undefined;
}
