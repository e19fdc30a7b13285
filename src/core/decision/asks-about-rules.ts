import { foldDiacritics } from "../text/fold.js";

/**
 * What the law, the tax office or an insurer requires: permits, VAT and other taxes, insurance and
 * liability, what is legally required, privacy law, employment terms, the Chamber of Commerce. The
 * documents are reports and approaches of initiatives, not legal advice, and rules change: such a
 * question leans to a person unless a passage plainly answers it.
 */
const RULES = new RegExp(
  "\\b(" +
    [
      "vergunning\\w*", "omgevingsvergunning\\w*", "btw", "belasting\\w*", "verzeker\\w*", "wettelijk\\w*", "verplicht\\w*", "wet", "wetten",
      "aansprakelijk\\w*", "avg", "privacywet\\w*", "cao", "arbeidscontract\\w*", "accountantsverklaring\\w*", "kvk", "kamer van koophandel",
      "chamber of commerce", "permits?", "licen[cs]es?", "tax(es)?", "vat", "insurance", "insured", "liabilit(y|ies)", "legally", "law", "laws", "gdpr",
    ].join("|") +
    ")\\b",
);

/** Whether a question asks what rules, taxes or insurance require. */
export function asksAboutRules(question: string): boolean {
  return RULES.test(foldDiacritics(question));
}
