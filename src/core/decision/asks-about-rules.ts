import { foldDiacritics } from "../text/fold.js";

/**
 * What the law, the tax office or an insurer requires: permits, VAT and other taxes, insurance and
 * liability, what is legally required, privacy law, employment terms, the Chamber of Commerce, a
 * certificate of conduct (VOG) for volunteers, the tax office's ANBI status, health and
 * safety law, copyright and portrait rights. (Not *statuten*, *rechtsvorm* or the notary: reports discuss those, and what they cost.) The
 * documents are reports and approaches of initiatives, not legal advice, and rules change: such a
 * question leans to a person unless a passage plainly answers it.
 */
const RULES = new RegExp(
  "\\b(" +
    [
      "vergunning\\w*", "omgevingsvergunning\\w*", "btw", "belasting\\w*", "verzeker\\w*", "wettelijk\\w*", "verplicht\\w*", "wet", "wetten",
      "aansprakelijk\\w*", "avg", "privacywet\\w*", "cao", "arbeidscontract\\w*", "accountantsverklaring\\w*", "kvk", "kamer van koophandel",
      "vog", "verklaring omtrent (het )?gedrag", "anbi", "arbowet\\w*", "arbo-?regels", "auteursrecht\\w*", "portretrecht\\w*",
      "chamber of commerce", "permits?", "licen[cs]es?", "tax(es)?", "vat", "insurance", "insured", "liabilit(y|ies)", "legally", "law", "laws", "gdpr",
      "certificate of conduct", "background checks?", "charity status", "copyright",
    ].join("|") +
    ")\\b",
);

/** Whether a question asks what rules, taxes or insurance require. */
export function asksAboutRules(question: string): boolean {
  return RULES.test(foldDiacritics(question));
}
