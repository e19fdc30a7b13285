import { foldDiacritics } from "../text/fold.js";

/**
 * How Dutch text goes on from one sentence to the next. The sentence that matches a question's words
 * often only names the subject; the one after it, which points back to it ("Dat betekent …", "Het gaat
 * daarbij om …", "Daarom …", "Nee, maar …"), says what the asker wants to know. A quote that stops
 * before it leaves the answer out; a quote that starts with it leaves out what it points back to.
 */

/** Words that open a sentence leaning on the one before it. */
const LEANS_BACK = new Set([
  "dat", "dit", "die", "deze", "daarom", "daarbij", "daardoor", "daarvoor", "daarnaast", "daarmee", "daarin", "daarna",
  "hierdoor", "hierbij", "hiervoor", "hiermee", "hierin", "zo", "zo'n", "zoals", "want", "omdat", "doordat", "dus",
  "nee", "ja", "maar", "toch", "wel", "ook", "anders", "vervolgens", "bovendien", "immers", "echter", "tenslotte",
  "bijvoorbeeld", "denk", "zij", "ze", "hij", "hun", "hen", "juist",
]);

/** A word early in a sentence that ties it to the one before ("Neem daarom …", "Het gaat daarbij om …"). */
const TIES_BACK = /^(?:\S+\s+){0,3}(?:daarom|daarbij|daardoor|dus|daarvoor|hierdoor|hiervoor|immers|namelijk)\b/;

/** The Dutch number words a list is announced with, and their values. */
export const COUNT_WORDS: Readonly<Record<string, number>> = { twee: 2, drie: 3, vier: 4, vijf: 5, zes: 6, zeven: 7, acht: 8, negen: 9, tien: 10 };
/** What is counted after the count: a plural noun, perhaps with a word before it ("drie belangrijke lessen"). */
export const COUNTED_NOUN = "\\s+(?:\\p{L}+\\s+)?\\p{L}{3,}(?:en|s)";

/** A sentence announcing a count of things the next sentences name: "Het gaat om drie hoofdzaken." */
const ANNOUNCES_COUNT = new RegExp(`\\b(?:${Object.keys(COUNT_WORDS).join("|")}|een aantal|enkele|de volgende)${COUNTED_NOUN}[.:]?$`, "u");

const firstWord = (sentence: string) => foldDiacritics(sentence.toLowerCase()).match(/^[\p{L}']+/u)?.[0] ?? "";

/** Whether `sentence` leans on the sentence before it (it points back to what that one said). */
export function leansBack(sentence: string): boolean {
  const folded = foldDiacritics(sentence.toLowerCase());
  return LEANS_BACK.has(firstWord(sentence)) || TIES_BACK.test(folded);
}

/** Whether a sentence announces a number of items that the following sentences give. */
export function announcesCount(sentence: string): boolean {
  return ANNOUNCES_COUNT.test(foldDiacritics(sentence.toLowerCase()));
}
