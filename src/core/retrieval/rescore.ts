import { analyzeText } from "../text/analyzer.js";
import type { SearchHit } from "../types.js";
import { sentencesOf, sentenceWindows } from "./passage-sentences.js";
import type { SearchTerm } from "./search-term.js";

/** How much a term in the passage's heading or its document's title counts, as a share of one in its text. */
const SECTION_TF = 0.8;
const TITLE_TF = 0.4;
const K1 = 1.2;
const B = 0.75;

export type RescoreOptions = {
  passageCount: number;
  averageLength: number;
  /** Weight of the best two consecutive sentences' share of the question, against the passage's BM25. */
  windowWeight: number;
};

/** Inverse document frequency, as in BM25; unknown terms weigh most. */
export function idf(df: number, passageCount: number): number {
  return Math.log(1 + (passageCount - df + 0.5) / (df + 0.5));
}

/**
 * Scores candidate passages for the question's terms, each with its own weight (a synonym counts less
 * than a typed word): BM25 over the passage text, with its heading and title counting as part of it,
 * plus the question's weight found together in two consecutive sentences, so that a passage where one
 * sentence answers the question outranks one that has the words scattered.
 */
export function rescore(hits: readonly SearchHit[], terms: readonly SearchTerm[], options: RescoreOptions): SearchHit[] {
  const weights = terms.map((t) => t.weight * idf(Math.max(t.df, 1), options.passageCount));
  const total = terms.reduce((sum, t, i) => sum + (t.origin === "typed" || t.origin === "compound-part" ? weights[i]! : 0), 0) || 1;
  return hits
    .map((hit) => {
      const body = termCounts(hit.passage.terms);
      const section = termSet(hit.passage.section);
      const title = termSet(hit.document.title);
      const lengthNorm = K1 * (1 - B + (B * hit.passage.terms.length) / Math.max(1, options.averageLength));
      const contribution = terms.map((t, i) => {
        const tf = count(body, t) + (has(section, t) ? SECTION_TF : 0) + (has(title, t) ? TITLE_TF : 0);
        return tf > 0 ? weights[i]! * ((tf * (K1 + 1)) / (tf + lengthNorm)) : 0;
      });
      const bm25 = groupedSum(terms, contribution);
      const window = options.windowWeight > 0 ? bestWindowShare(hit, terms, weights) : 0;
      return { ...hit, score: bm25 + options.windowWeight * window * total };
    })
    .sort((a, b) => b.score - a.score);
}

/**
 * The passage's score over the question's words: a typed word counts once, by the best of itself, its
 * compound's parts together, or one of its synonyms, translations or corrections (as Lucene's
 * SynonymQuery does), so a passage that happens to hold many synonyms of one word is not favoured.
 */
function groupedSum(terms: readonly SearchTerm[], contribution: readonly number[]): number {
  const byWord = new Map<string, { own: number; parts: number; alternative: number }>();
  terms.forEach((t, i) => {
    const group = byWord.get(t.word) ?? { own: 0, parts: 0, alternative: 0 };
    if (t.origin === "typed") group.own += contribution[i]!;
    else if (t.origin === "compound-part") group.parts += contribution[i]!;
    else group.alternative = Math.max(group.alternative, contribution[i]!);
    byWord.set(t.word, group);
  });
  let sum = 0;
  for (const g of byWord.values()) sum += Math.max(g.own, g.parts, g.alternative);
  return sum;
}

/** The share of the question's weight held by the best two consecutive sentences of a passage. */
function bestWindowShare(hit: SearchHit, terms: readonly SearchTerm[], weights: readonly number[]): number {
  let best = 0;
  const total = groupedSum(terms, weights) || 1;
  for (const window of sentenceWindows(sentencesOf(hit), 2)) {
    const own = new Set(window.sentences.flatMap((s) => [...s.terms]));
    best = Math.max(best, groupedSum(terms, terms.map((t, i) => (has(own, t) ? weights[i]! : 0))) / total);
  }
  return best;
}

function termCounts(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  return counts;
}

function count(counts: ReadonlyMap<string, number>, t: SearchTerm): number {
  if (!t.prefix) return counts.get(t.term) ?? 0;
  let n = 0;
  for (const [term, c] of counts) if (term.startsWith(t.term)) n += c;
  return n;
}

function has(own: ReadonlySet<string> | ReadonlyMap<string, unknown>, t: SearchTerm): boolean {
  if (!t.prefix) return own.has(t.term);
  for (const term of own.keys()) if (term.startsWith(t.term)) return true;
  return false;
}

const analysed = new Map<string, Set<string>>();

/** Index terms of a heading or title, kept for the ones seen most recently. */
function termSet(text: string | undefined): Set<string> {
  if (!text) return new Set();
  let terms = analysed.get(text);
  if (!terms) {
    if (analysed.size > 5_000) analysed.delete(analysed.keys().next().value!);
    terms = new Set(analyzeText(text));
    analysed.set(text, terms);
  }
  return terms;
}
