import { foldDiacritics } from "../text/fold.js";

const LIVE_FACTS = [
  /\bop dit moment\b/, /\bmomenteel\b/, /\bhuidige?\b/, /\bactuele?\b/, /\bvandaag\b/, /\bdeze week\b/,
  /\btelefoonnummer/, /\be-?mail(adres)?\b/, /\bcontactgegevens\b/, /\bopeningstijden\b/, /\b(bezoek|post)?adres\b/,
  /\bright now\b/, /\bcurrently\b/, /\bphone number\b/,
];

/**
 * Questions after current facts or contact details (who holds an office now, a phone number): the
 * knowledge store holds reports and approaches from the past, so such an answer would be a guess.
 */
export function asksForLiveFacts(question: string): boolean {
  const folded = foldDiacritics(question);
  return LIVE_FACTS.some((pattern) => pattern.test(folded));
}
