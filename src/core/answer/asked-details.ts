import { countedWord, expectedAnswerTypes, holdsAskedDetail, holdsCountOfWord } from "../decision/answer-type.js";
import type { SearchTerm } from "../retrieval/search-term.js";
import { stemDutch } from "../text/stem.js";

/** Whether a piece of text gives one detail the question asks for. */
export type DetailCheck = (text: string) => boolean;

/** Search terms that stand for the counted word as typed (its spelling corrected, inflected, translated). */
const STANDS_IN_FOR_COUNT: ReadonlySet<SearchTerm["origin"]> = new Set(["typo", "inflection", "translation"]);

/**
 * One check per detail the question asks for (see decision/answer-type.ts): "wanneer zijn ze begonnen en
 * met hoeveel" asks a date and a count, and a quote that gives both answers it better than one that gives
 * either. A count of a named thing ("hoeveel stroom", "hoeveel vrijwilligers") is a number before that
 * word or in its unit (kWh for stroom), not any number: "opgeleverd op 2 oktober 2021" does not say how
 * much. Names of things ("welk fonds") are left to the ranking, as for the decision's detail bonus.
 */
export function askedDetails(question: string, terms: readonly SearchTerm[]): DetailCheck[] {
  const counted = countedWord(question);
  const standIns = counted ? terms.filter((t) => STANDS_IN_FOR_COUNT.has(t.origin) && t.word === counted.toLowerCase()).map((t) => t.term) : [];
  return expectedAnswerTypes(question)
    .filter((type) => type !== "named" && type !== "names")
    .map((type): DetailCheck => (type === "count" && counted ? (text) => holdsCountOfWord(text, counted, stemDutch, standIns) : (text) => holdsAskedDetail(question, type, text)));
}
