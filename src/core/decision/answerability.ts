import { coverageOf, idf, type Retrieval } from "../retrieval/retrieve.js";
import { looksLikeVerbForm } from "../text/word-shape.js";
import { asksForLiveFacts } from "./asks-for-live-facts.js";

export type Answerability = {
  /** 0..1: how sure the store holds the answer. */
  confidence: number;
  /** Share of the question's weight (IDF) in the best of the top passages. */
  coverage: number;
  /** Share of the question's weight in words the store has never seen. */
  unknownShare: number;
  /** Whether the top passages agree (two or more cover the question well). */
  agreement: number;
  /** The question asks for current facts or contact details. */
  liveFacts: boolean;
};

/** An unknown verb form counts for this much of an unknown noun (see looksLikeVerbForm). */
const UNKNOWN_VERB_WEIGHT = 0.25;

const TOP_PASSAGES = 3;

/**
 * Estimates whether the knowledge store answers a question. A raw BM25 threshold is not enough:
 * unanswerable questions share common words with the documents. What tells them apart is whether
 * the rare, topic-bearing words of the question (weighted by IDF) stand together in one passage,
 * and whether the question leans on words the store has never seen.
 */
export function assessAnswerability(question: string, retrieval: Retrieval): Answerability {
  const { terms, hits, passageCount } = retrieval;
  const typed = terms.filter((t) => t.origin === "typed");
  const liveFacts = asksForLiveFacts(question);
  if (typed.length === 0 || hits.length === 0) return { confidence: 0, coverage: 0, unknownShare: 1, agreement: 0, liveFacts };

  const coverages = hits.slice(0, TOP_PASSAGES).map((hit) => coverageOf(hit, terms, passageCount));
  const coverage = Math.max(...coverages);
  const agreement = coverages.filter((c) => c >= 0.5).length / TOP_PASSAGES;

  let total = 0;
  let unknown = 0;
  for (const t of typed) {
    const weight = idf(t.df, passageCount);
    total += weight;
    const decomposed = terms.some((p) => (p.origin === "compound-part" || p.origin === "typo") && p.word === t.word);
    if (t.df === 0 && !decomposed) unknown += weight * (looksLikeVerbForm(t.word) ? UNKNOWN_VERB_WEIGHT : 1);
  }
  const unknownShare = total > 0 ? unknown / total : 1;
  const confidence = combine(coverage, unknownShare, agreement, liveFacts);
  return { confidence, coverage, unknownShare, agreement, liveFacts };
}

/**
 * A logistic combination with hand-set, round weights: coverage counts most, words the store has
 * never seen count against, agreement among the top passages counts for, and a question after live
 * facts counts strongly against. Calibrated so that 0.5 separates the dev set's classes with margin.
 */
function combine(coverage: number, unknownShare: number, agreement: number, liveFacts: boolean): number {
  const z = 5 * coverage - 5 * unknownShare + 1 * agreement - (liveFacts ? 3 : 0);
  return 1 / (1 + Math.exp(-z));
}
