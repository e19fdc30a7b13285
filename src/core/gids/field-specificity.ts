import { idf } from "../retrieval/rescore.js";
import type { SearchTerm } from "../retrieval/search-term.js";

/** The document store's term counts: a word common in the field's documents says less about a topic. */
export type FieldFrequencies = { documentFrequencies(terms: readonly string[]): Map<string, number>; passageCount(): number };
/** A word in every other passage still counts for this share: the documents only temper the gids. */
const MIN_SPECIFICITY = 0.25;

/**
 * How specific a typed term is in the field's documents: 1 for a rare one, less for one in many
 * passages. A term the vocabulary leads to (a theme, a synonym) is chosen on purpose and not
 * tempered; the typed word's own weight caps it anyway (the group's max).
 */
export function fieldSpecificity(field: FieldFrequencies | undefined, t: SearchTerm): number {
  if (!field || t.prefix || (t.origin !== "typed" && t.origin !== "compound-part")) return 1;
  const total = field.passageCount();
  const df = field.documentFrequencies([t.term]).get(t.term) ?? 0;
  if (total === 0 || df === 0) return 1;
  return Math.max(MIN_SPECIFICITY, Math.min(1, idf(df, total) / idf(1, total)));
}
