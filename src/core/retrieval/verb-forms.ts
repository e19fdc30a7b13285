/**
 * Other forms of the question's words that Dutch makes from its verbs: split separable verbs joined
 * again, nouns made from verbs and verbs from nouns.
 */
import type { KnowledgeIndex } from "../ports.js";
import { derivedVerbs } from "../gids/derivations.js";
import { rejoinSeparableVerbs } from "../gids/separable-verbs.js";
import type { AnalyzedQuery } from "../text/analyzer.js";
import { stemDutch } from "../text/stem.js";
import type { SearchTerm } from "./search-term.js";

/**
 * A split separable verb joined again counts this much: chosen on a grid of 0.4–0.9 over the realistic
 * questions and the check sets (0.6–0.75 alike: realistic MRR@10 +0.013, two check sets +0.013; 0.9
 * lowered one check set's recall).
 */
const SPLIT_VERB_WEIGHT = 0.6;

/**
 * A separable verb the question splits ("om samen te werken" is samenwerken, "hoe zet je het op" is
 * opzetten), joined again when the store knows it whole (the gids's rule, separable-verbs.ts), as a
 * term of the verb's own word; the split words stay terms of their own.
 */
export function splitVerbs(index: KnowledgeIndex, question: string, query: AnalyzedQuery): SearchTerm[] {
  const typed = new Set(question.toLowerCase().match(/[\p{L}\p{M}'’-]+/gu) ?? []);
  const joined = (rejoinSeparableVerbs(question, (stem) => index.isKnownTerm(stem)).toLowerCase().match(/[\p{L}\p{M}'’-]+/gu) ?? []).filter((w) => !typed.has(w));
  return joined.flatMap((verb) => {
    const term = stemDutch(verb);
    const df = index.documentFrequencies([term]).get(term) ?? 0;
    // Counted with the verb's own word as typed ("werken" in "samen te werken"), for the word pairs.
    const word = query.terms.map((t) => t.word).filter((w) => verb.includes(w)).sort((a, b) => b.length - a.length)[0];
    return df > 0 && word ? [{ term, word, df, origin: "inflection" as const, prefix: false, weight: SPLIT_VERB_WEIGHT }] : [];
  });
}

/**
 * Counts as much as a synonym would, less than a typed word: 0.25–0.5 scored alike on the realistic
 * questions and the check sets (one check set's false handoff 0.073 → 0.055, another's MRR@10 +0.009);
 * 0.7 lowered two check sets.
 */
const DERIVED_WEIGHT = 0.4;

/**
 * A noun made from a verb and the verb itself meet: "organisator" or "beheerder" asked, "organiseren" or
 * "beheren" in the store; "reanimeren" or "participeren" asked, "reanimatie" or "participatie" in the store.
 */
export function derivedTerms(index: KnowledgeIndex, query: AnalyzedQuery): SearchTerm[] {
  const knows = (word: string) => index.isKnownTerm(stemDutch(word));
  return query.terms.flatMap((typed) => {
    const nouns = /[^aeiou]eren$/.test(typed.word) ? [typed.word.replace(/eren$/, "atie")] : [];
    // Not "-ing" → "-en": the stemmer takes that ending off where it is one (stemming → stem), and where it
    // leaves it the noun has its own sense (houding is no houden, richting no richten).
    const verbs = typed.word.endsWith("ing") ? [] : derivedVerbs(typed.word, knows);
    return [...verbs, ...nouns.filter(knows)].flatMap((form) => {
      const term = stemDutch(form);
      if (term === typed.term) return [];
      const df = index.documentFrequencies([term]).get(term) ?? 0;
      return df > 0 ? [{ term, word: typed.word, df, origin: "inflection" as const, prefix: false, weight: DERIVED_WEIGHT }] : [];
    });
  });
}
