import type { SearchTerm } from "./search-term.js";

/** Inverse document frequency, as in BM25; unknown terms weigh most. */
export function idf(df: number, passageCount: number): number {
  return Math.log(1 + (passageCount - df + 0.5) / (df + 0.5));
}

/**
 * The weight of a question's search terms, and how much of it a piece of text holds: the one measure
 * behind ranking (a passage's best sentences), the answer-or-handoff evidence (coverage of passages and
 * sentences) and the choice of the quote. Each term weighs its IDF times its own weight (a synonym
 * counts less than a typed word), and a typed word counts once, by the best of itself, its compound's
 * parts together, or one of its synonyms, translations or corrections (as Lucene's SynonymQuery does),
 * so a text that happens to hold many synonyms of one word is not favoured.
 */
export type QuestionWeight = {
  /** Per search term, in the order given. */
  readonly weights: readonly number[];
  /** The question's whole weight: every typed word at its best. */
  readonly total: number;
  /** Per-term values summed word by word, as the weights are. */
  sum(values: readonly number[]): number;
  /** The weight held by a set of index terms. */
  held(own: ReadonlySet<string>): number;
  /**
   * The weight held by a set of index terms, every search term it holds counted (a word and its
   * synonyms both): what chooses a quote, where a sentence holding more of the question's vocabulary
   * says more about it.
   */
  heldEach(own: ReadonlySet<string>): number;
  /** The share of the question's weight held by a set of index terms, 0..1. */
  share(own: ReadonlySet<string>): number;
};

/** `expansionWeight`: what a synonym, translation or correction counts instead of its own weight. */
export function questionWeight(terms: readonly SearchTerm[], passageCount: number, options: { expansionWeight?: number } = {}): QuestionWeight {
  const own = (t: SearchTerm) => t.origin === "typed" || t.origin === "compound-part";
  const weights = terms.map((t) => (options.expansionWeight !== undefined && !own(t) ? options.expansionWeight : t.weight) * idf(Math.max(t.df, 1), passageCount));
  const words = [...new Set(terms.map((t) => t.word))];
  const group = terms.map((t) => words.indexOf(t.word));
  const kind = terms.map((t) => (t.origin === "typed" ? 0 : t.origin === "compound-part" ? 1 : 2));
  const sum = (values: readonly number[]) => {
    const own = new Float64Array(words.length);
    const parts = new Float64Array(words.length);
    const alternative = new Float64Array(words.length);
    values.forEach((v, i) => {
      const g = group[i]!;
      if (kind[i] === 0) own[g]! += v;
      else if (kind[i] === 1) parts[g]! += v;
      else alternative[g] = Math.max(alternative[g]!, v);
    });
    let total = 0;
    for (let g = 0; g < words.length; g++) total += Math.max(own[g]!, parts[g]!, alternative[g]!);
    return total;
  };
  const held = (own: ReadonlySet<string>) => sum(weights.map((w, i) => (holds(own, terms[i]!) ? w : 0)));
  const total = sum(weights) || 1;
  const heldEach = (own: ReadonlySet<string>) => weights.reduce((sum, w, i) => sum + (holds(own, terms[i]!) ? w : 0), 0);
  return { weights, total, sum, held, heldEach, share: (own) => held(own) / total };
}

/** Whether a set of index terms holds a search term (for a prefix term: any term starting with it). */
export function holds(own: ReadonlySet<string>, t: Pick<SearchTerm, "term" | "prefix">): boolean {
  if (!t.prefix) return own.has(t.term);
  for (const term of own) if (term.startsWith(t.term)) return true;
  return false;
}

/**
 * The share of the question's typed words (by IDF) a set of index terms holds, a word held through a
 * synonym, translation or correction counting at that one's weight and a word the store lacks
 * counting against: the answer-or-handoff evidence, for a passage (its coverage) or two of its
 * sentences. Unlike `share`, it weighs a stand-in by the typed word it stands for.
 */
export function typedShare(own: ReadonlySet<string>, terms: readonly SearchTerm[], passageCount: number): number {
  let total = 0;
  let found = 0;
  for (const t of terms) {
    if (t.origin !== "typed") continue;
    const weight = idf(t.df, passageCount);
    total += weight;
    found += weight * heldShare(own, t, terms);
  }
  return total > 0 ? found / total : 0;
}

/**
 * How much of a typed word a set of index terms holds: all of it as itself or, for a compound, as both
 * of its parts; otherwise the weight of its best synonym, translation or correction that is there.
 */
export function heldShare(own: ReadonlySet<string>, t: SearchTerm, all: readonly SearchTerm[]): number {
  if (own.has(t.term)) return 1;
  const parts = all.filter((p) => p.origin === "compound-part" && p.word === t.word);
  if (parts.length > 0 && parts.every((p) => holds(own, p))) return 1;
  let best = 0;
  for (const alt of all) {
    if (alt.origin !== "typed" && alt.origin !== "compound-part" && alt.word === t.word && own.has(alt.term)) best = Math.max(best, alt.weight);
  }
  return best;
}
