import type { SearchTerm } from "../retrieval/search-term.js";
import type { Associations } from "./association-bridge.js";
import type { GidsIndex } from "./gids-index.js";
import { isFrameWord } from "./question-frame.js";

/** An associate counts for at most this share of a typed word, times its strength: below a synonym (1) or a compound's head (0.7). */
export const ASSOCIATION_WEIGHT = 0.4;

/**
 * Terms a question's typed words lead to through the documents' associations (association-bridge.ts):
 * only words a profile holds, not yet among the question's terms, each with a low weight.
 */
export function associatedTerms(index: GidsIndex, terms: readonly SearchTerm[], associations: Associations): SearchTerm[] {
  const added: SearchTerm[] = [];
  const have = (term: string) => terms.some((o) => o.term === term) || added.some((o) => o.term === term);
  for (const t of terms.filter((x) => x.origin === "typed" && !isFrameWord(x.word))) {
    for (const { term, strength } of associations.get(t.term) ?? []) {
      const df = index.frequency(term, false);
      if (df > 0 && !have(term) && !isFrameWord(term)) added.push({ term, word: t.word, df, origin: "synonym", prefix: false, weight: ASSOCIATION_WEIGHT * strength });
    }
  }
  return added;
}
