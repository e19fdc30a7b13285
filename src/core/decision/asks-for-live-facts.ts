import { foldDiacritics } from "../text/fold.js";

/** Words that ask about now: who holds an office today, what happens this week. */
const ABOUT_NOW = [/\bop dit moment\b/, /\bmomenteel\b/, /\bhuidige?\b/, /\bactuele?\b/, /\bvandaag\b/, /\bdeze week\b/, /\bright now\b/, /\bcurrently\b/];

/** Details that change: how to reach someone, when something is open. */
const CHANGING_DETAILS = [
  /\btelefoonnummer/, /\be-?mail(adres)?\b/, /\bcontactgegevens\b/, /\bopeningstijden\b/, /\b(bezoek|post)?adres\b/, /\bphone number\b/,
];

/**
 * Questions after current facts or contact details (who holds an office now, a phone number): the
 * knowledge store holds reports and approaches from the past, so such an answer may be out of date.
 */
export function asksForLiveFacts(question: string): boolean {
  return asksAboutNow(question) || asksForChangingDetail(question);
}

/** A question about now ("wie is op dit moment …"): documents from the past cannot tell. */
export function asksAboutNow(question: string): boolean {
  const folded = foldDiacritics(question);
  return ABOUT_NOW.some((pattern) => pattern.test(folded));
}

/** A question after a contact detail or opening hours: a document may hold them, but they change. */
export function asksForChangingDetail(question: string): boolean {
  const folded = foldDiacritics(question);
  return CHANGING_DETAILS.some((pattern) => pattern.test(folded));
}
