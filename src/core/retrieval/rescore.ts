import { analyzeText } from "../text/analyzer.js";
import type { SearchHit } from "../types.js";
import { sentencesOf } from "./passage-sentences.js";
import { holds as has, questionWeight, type QuestionWeight } from "./question-weight.js";
import type { SearchTerm } from "./search-term.js";

export { idf } from "./question-weight.js";

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
  /** How many passages the caller keeps: the sentence check is skipped for those that cannot reach them. */
  keep: number;
};

/**
 * Scores candidate passages for the question's terms, each with its own weight (a synonym counts less
 * than a typed word): BM25 over the passage text, with its heading and title counting as part of it,
 * plus the question's weight found together in two consecutive sentences, so that a passage where one
 * sentence answers the question outranks one that has the words scattered. The sentence check, the
 * costly part, is done best-first and stops once no passage left can reach the ones kept.
 */
export function rescore(hits: readonly SearchHit[], terms: readonly SearchTerm[], options: RescoreOptions): SearchHit[] {
  const question = questionWeight(terms, options.passageCount);
  const { weights } = question;
  const exact = new Map<string, number[]>();
  terms.forEach((t, i) => !t.prefix && exact.set(t.term, [...(exact.get(t.term) ?? []), i]));
  const prefixes = terms.map((t, i) => (t.prefix ? i : -1)).filter((i) => i >= 0);

  const scored = hits.map((hit) => {
    const tf = new Array<number>(terms.length).fill(0);
    for (const own of hit.passage.terms) {
      for (const i of exact.get(own) ?? []) tf[i]!++;
      for (const i of prefixes) if (own.startsWith(terms[i]!.term)) tf[i]!++;
    }
    const section = termSet(hit.passage.section);
    const title = termSet(hit.document.title);
    const lengthNorm = K1 * (1 - B + (B * hit.passage.terms.length) / Math.max(1, options.averageLength));
    const contribution = terms.map((t, i) => {
      const f = tf[i]! + (has(section, t) ? SECTION_TF : 0) + (has(title, t) ? TITLE_TF : 0);
      return f > 0 ? weights[i]! * ((f * (K1 + 1)) / (f + lengthNorm)) : 0;
    });
    // Two of its sentences cannot hold more of the question than the passage's text holds.
    const held = question.sum(weights.map((w, i) => (tf[i]! > 0 ? w : 0)));
    return { hit, score: question.sum(contribution), held };
  });
  if (options.windowWeight <= 0) return scored.sort((a, b) => b.score - a.score).map(({ hit, score }) => ({ ...hit, score }));

  // Best-first by BM25; a passage whose BM25 plus the largest possible sentence bonus stays below the
  // passages kept so far cannot enter them.
  const { total } = question;
  const maxBonus = options.windowWeight * total;
  scored.sort((a, b) => b.score - a.score);
  const finals: number[] = [];
  const result: SearchHit[] = [];
  for (const { hit, score, held } of scored) {
    const kth = finals.length >= options.keep ? finals[options.keep - 1]! : -Infinity;
    const final = score + (maxBonus * held) / total <= kth ? score : score + maxBonus * bestWindowShare(hit, question);
    result.push({ ...hit, score: final });
    finals.push(final);
    finals.sort((a, b) => b - a);
  }
  return result.sort((a, b) => b.score - a.score);
}

/**
 * The share of the question's weight held by the best two consecutive sentences of a passage. A sentence
 * that asks a question itself (a document's list of questions, a table of contents, an agenda) does not
 * answer one: its words do not count.
 */
function bestWindowShare(hit: SearchHit, question: QuestionWeight): number {
  const sentences = sentencesOf(hit).map((s) => (asksItself(s.text) ? NOTHING : s.terms));
  let best = 0;
  for (let start = 0; start < Math.max(1, sentences.length - 1); start++) {
    const a = sentences[start];
    if (!a) break;
    const b = sentences[start + 1];
    best = Math.max(best, question.share(b ? new Set([...a, ...b]) : a));
  }
  return best;
}

const NOTHING: ReadonlySet<string> = new Set();
/** A sentence ending in a question mark (before closing quotes or brackets). */
export const asksItself = (sentence: string) => /\?[\s"”’)*]*$/.test(sentence);

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
