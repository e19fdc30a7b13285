import { analyzeText } from "../text/analyzer.js";
import type { SearchHit } from "../types.js";
import { sentencesOf } from "./passage-sentences.js";
import { holds as has, questionWeight, type QuestionWeight } from "./question-weight.js";
import type { SearchTerm } from "./search-term.js";
import { RANKING_MODEL, type RankingModel } from "./ranking-model.js";
import { shapeFactor, type QuestionForm } from "../answer/answer-shape.js";

export { idf } from "./question-weight.js";

/** How much a term in the passage's heading or its document's title counts, as a share of one in its text. */
const SECTION_TF = 0.8;
const TITLE_TF = 0.4;
const K1 = 1.2;
const B = 0.75;

export type RescoreOptions = {
  passageCount: number;
  averageLength: number;
  /** The weights of the ranking features (default: RANKING_MODEL). */
  model?: RankingModel;
  /** Overrides the model's weight of the best two consecutive sentences (0: no sentence check). */
  windowWeight?: number;
  /** How many passages the caller keeps: the sentence check is skipped for those that cannot reach them. */
  keep: number;
  /** Computes every feature of every candidate, without skipping (for fitting the model). */
  features?: boolean;
  /** The shape of answer the question asks for (for the shape feature). */
  shape?: { form: QuestionForm; list: boolean };
};

/** A candidate with its ranking features, in the order of RANK_FEATURES. */
export type RankedHit = SearchHit & { features?: number[] };

/**
 * Scores candidate passages for the question's terms, each with its own weight (a synonym counts less
 * than a typed word), by a linear model over features (ranking-model.ts): BM25 over the passage text,
 * with its heading and title counting as part of it, the question's weight found together in two
 * consecutive sentences (so that a passage where one sentence answers the question outranks one that
 * has the words scattered) and in two that have the shape of the answer asked for, whether it holds the
 * question's rarest word, and how much of the question the passage, its heading and its document hold.
 * The sentence features, the costly part, are computed best-first and stop once no passage left can
 * reach the ones kept (all weights are non-negative and a sentence holds no more than its passage).
 */
export function rescore(hits: readonly SearchHit[], terms: readonly SearchTerm[], options: RescoreOptions): RankedHit[] {
  const question = questionWeight(terms, options.passageCount);
  const { weights } = question;
  const model = options.model ?? RANKING_MODEL;
  const w = options.windowWeight === undefined ? model.weights : { ...model.weights, window: options.windowWeight };
  const exact = new Map<string, number[]>();
  terms.forEach((t, i) => !t.prefix && exact.set(t.term, [...(exact.get(t.term) ?? []), i]));
  const prefixes = terms.map((t, i) => (t.prefix ? i : -1)).filter((i) => i >= 0);
  const own = terms.map((t) => t.origin === "typed" || t.origin === "compound-part");
  const all = !!options.features;
  const known = terms.map((t, i) => ({ t, i })).filter(({ t }) => t.origin === "typed" && t.df > 0);
  const rarest = known.length ? known.reduce((a, b) => (b.t.df < a.t.df ? b : a)).i : -1;
  const pairs = all || w.proximity ? wordPairs(terms, weights) : undefined;

  const scored = hits.map((hit) => {
    const tf = new Array<number>(terms.length).fill(0);
    const near = pairs?.scan();
    let at = 0;
    for (const term of hit.passage.terms) {
      const found = exact.get(term);
      if (found) {
        for (const i of found) tf[i]!++;
        near?.see(found, at);
      }
      for (const i of prefixes) if (term.startsWith(terms[i]!.term)) tf[i]!++;
      at++;
    }
    const section = termSet(hit.passage.section);
    const title = termSet(hit.document.title);
    const lengthNorm = K1 * (1 - B + (B * hit.passage.terms.length) / Math.max(1, options.averageLength));
    const inHeading = terms.map((t) => has(section, t) || has(title, t));
    const contribution = terms.map((t, i) => {
      const f = tf[i]! + (has(section, t) ? SECTION_TF : 0) + (has(title, t) ? TITLE_TF : 0);
      return f > 0 ? weights[i]! * ((f * (K1 + 1)) / (f + lengthNorm)) : 0;
    });
    const present = tf.map((f) => f > 0);
    // A feature of weight 0 is left at 0, unless all are asked for.
    const cheap: CheapFeatures = {
      bm25: question.sum(contribution),
      held: question.sum(weights.map((x, i) => (present[i] ? x : 0))),
      ownHeld: all || w.ownHeld ? question.sum(weights.map((x, i) => (present[i] && own[i] ? x : 0))) : 0,
      heading: all || w.heading ? question.sum(weights.map((x, i) => (inHeading[i] ? x : 0))) : 0,
      documentHeld: 0,
      rarest: rarest >= 0 && present[rarest] ? weights[rarest]! : 0,
      proximity: near?.weight() ?? 0,
    };
    return { hit, present, cheap };
  });
  // What all candidates of one document hold together.
  const byDocument = new Map<string, boolean[]>();
  for (const { hit, present } of all || w.documentHeld ? scored : []) {
    const union = byDocument.get(hit.passage.documentId) ?? present.map(() => false);
    byDocument.set(hit.passage.documentId, union.map((p, i) => p || present[i]!));
  }
  for (const s of all || w.documentHeld ? scored : []) s.cheap.documentHeld = question.sum(weights.map((x, i) => (byDocument.get(s.hit.passage.documentId)![i] ? x : 0)));
  const cheapScore = (c: CheapFeatures) =>
    w.bm25 * c.bm25 + w.held * c.held + w.ownHeld * c.ownHeld + w.heading * c.heading + w.documentHeld * c.documentHeld + w.rarest * c.rarest + w.proximity * c.proximity;
  const sentenceWeight = w.window + w.sentence + w.shape;
  const shape = options.shape && (options.features || w.shape > 0) ? options.shape : undefined;
  const sentenceScore = (f: SentenceFeatures) => w.window * f.window + w.sentence * f.sentence + w.shape * f.shape;
  const full = (s: (typeof scored)[number], f: SentenceFeatures) =>
    [s.cheap.bm25, f.window, f.sentence, s.cheap.held, s.cheap.ownHeld, s.cheap.heading, s.cheap.documentHeld, s.cheap.rarest, f.shape, s.cheap.proximity];
  if (options.features) {
    return scored
      .map((s) => {
        const sentences = bestSentences(s.hit, question, shape, true);
        return { ...s.hit, score: cheapScore(s.cheap) + sentenceScore(sentences), features: full(s, sentences) };
      })
      .sort((a, b) => b.score - a.score);
  }
  const ranked = scored.map((s) => ({ s, score: cheapScore(s.cheap) })).sort((a, b) => b.score - a.score);
  if (sentenceWeight <= 0) return ranked.map(({ s, score }) => ({ ...s.hit, score }));

  // Best-first by the cheap features; a passage whose score plus the largest possible sentence bonus
  // (its sentences holding all the passage holds) stays below the passages kept so far cannot enter them.
  const finals: number[] = [];
  const result: SearchHit[] = [];
  for (const { s, score } of ranked) {
    const kth = finals.length >= options.keep ? finals[options.keep - 1]! : -Infinity;
    let final = score;
    if (score + sentenceWeight * s.cheap.held > kth) {
      final += sentenceScore(bestSentences(s.hit, question, shape, w.sentence > 0));
    }
    result.push({ ...s.hit, score: final });
    finals.push(final);
    finals.sort((a, b) => b - a);
  }
  return result.sort((a, b) => b.score - a.score);
}

type CheapFeatures = { bm25: number; held: number; ownHeld: number; heading: number; documentHeld: number; rarest: number; proximity: number };

/** Two index terms this many positions apart or fewer (stop words left out) stand close together. */
const CLOSE = 4;

/**
 * The pairs of the question's consecutive words (in the order typed; a word the store lacks is passed
 * over), each word standing for its own forms (as typed, corrected, inflected or as a compound's part),
 * each pair weighing the lighter of its two words. `scan` reads one passage's terms in order and tells
 * the weight of the pairs whose words stand close together somewhere in it: at each word, the nearest
 * earlier place of its neighbours is the last one seen.
 */
function wordPairs(terms: readonly SearchTerm[], weights: readonly number[]) {
  const group = new Map<string, number>();
  const wordOf = new Int32Array(terms.length).fill(-1);
  const heaviest: number[] = [];
  terms.forEach((t, i) => {
    if (t.prefix || t.origin === "synonym" || t.origin === "translation") return;
    let g = group.get(t.word);
    if (g === undefined) group.set(t.word, (g = heaviest.push(0) - 1));
    wordOf[i] = g;
    heaviest[g] = Math.max(heaviest[g]!, weights[i]!);
  });
  const words = heaviest.length;
  if (words < 2) return undefined;
  const pairWeight = heaviest.slice(1).map((w, k) => Math.min(heaviest[k]!, w));
  // One scan at a time: its state is reset and reused for each passage (no allocation per candidate).
  const lastAt = new Array<number>(words);
  const close = new Array<boolean>(words - 1);
  const scanner = {
    /** The search terms (by index) found at place `at`. */
    see(found: readonly number[], at: number) {
      for (const i of found) {
        const g = wordOf[i]!;
        if (g < 0) continue;
        if (g > 0 && at - lastAt[g - 1]! <= CLOSE && lastAt[g - 1]! < at) close[g - 1] = true;
        if (g + 1 < words && at - lastAt[g + 1]! <= CLOSE && lastAt[g + 1]! < at) close[g] = true;
      }
      for (const i of found) if (wordOf[i]! >= 0) lastAt[wordOf[i]!] = at;
    },
    weight: () => pairWeight.reduce((sum, w, k) => (close[k] ? sum + w : sum), 0),
  };
  return {
    scan() {
      lastAt.fill(-Infinity);
      close.fill(false);
      return scanner;
    },
  };
}

type SentenceFeatures = { window: number; sentence: number; shape: number };

/**
 * The question's weight held by the best two consecutive sentences of a passage, and by its best
 * single sentence. A sentence that asks a question itself (a document's list of questions, a table of
 * contents, an agenda) does not answer one: its words do not count.
 */
function bestSentences(hit: SearchHit, question: QuestionWeight, shape: { form: QuestionForm; list: boolean } | undefined, single: boolean): SentenceFeatures {
  const all = sentencesOf(hit);
  const sentences = all.map((s) => (asksItself(s.text) ? NOTHING : s.terms));
  let window = 0;
  let sentence = 0;
  let shaped = 0;
  for (let start = 0; start < Math.max(1, sentences.length - 1); start++) {
    const a = sentences[start];
    if (!a) break;
    const b = sentences[start + 1];
    const held = question.held(b ? new Set([...a, ...b]) : a);
    window = Math.max(window, held);
    if (shape && held > shaped && shapeFactor(all.slice(start, start + 2), question, shape.form, shape.list) > 1) shaped = held;
  }
  if (single) for (const a of sentences) sentence = Math.max(sentence, question.held(a));
  return { window, sentence, shape: shaped };
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
