import { foldDiacritics } from "../text/fold.js";

/**
 * A question to be answered yes or no, perhaps with a condition: a part of it opens with a finite verb
 * ("Is de gemeente verplicht …?", "…, mag hij ook in de dorpsauto rijden?", "do the drivers get paid?").
 */
const ASKS_YES_NO = /(?:^|[,;.!?]\s*)(?:mag|mogen|kan|kun|kunnen|moet|moeten|is|zijn|ben|wordt|worden|heb|hebben|heeft|krijg|krijgen|krijgt|valt|vallen|geldt|gelden|hoef|hoeven|hoeft|bestaat|telt|klopt|do|does|are|can|may|must)\s+(?!(?:het verschil|de reden)\b)\p{L}/u;

/** Whether a question asks yes or no. */
export function asksYesNo(question: string): boolean {
  return ASKS_YES_NO.test(foldDiacritics(question.trim()).toLowerCase());
}

/**
 * How a text says yes, no or on which condition: a negation, a permission or duty, a condition
 * ("mits", "tenzij", "alleen als", "dat hangt af van").
 */
const GIVES_VERDICT = /\b(?:niet|geen|nooit|mag|mogen|hoeft|hoeven|verplicht|toegestaan|verboden|mits|tenzij|alleen (?:als|wanneer|met|voor|bij)|hangt\s+(?:\p{L}+\s+)?af|afhankelijk)\b/u;

/** Whether a sentence says yes, no or on which condition. */
export function givesVerdict(text: string): boolean {
  return GIVES_VERDICT.test(foldDiacritics(text).toLowerCase());
}
