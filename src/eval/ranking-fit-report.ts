import { questionForm } from "../core/answer/answer-shape.js";
import { asksForList } from "../core/answer/asks-for-list.js";
import { composeAnswer } from "../core/answer/compose-answer.js";
import { classifyIntent, questionPart } from "../core/decision/classify-intent.js";
import type { KnowledgeIndex } from "../core/ports.js";
import { HAND_RANKING_MODEL, RANK_FEATURES, RANKING_MODEL, type RankingModel } from "../core/retrieval/ranking-model.js";
import { retrieve } from "../core/retrieval/retrieve.js";
import type { Vocabulary } from "../core/text/vocabulary.js";
import { crossValidateRanker, fitPairwise, fitRanker, rankOfRelevant, type RankingExample } from "./fit-ranker.js";
import { firstSupportingRank, holdsExpected, type EvalQuestion } from "./metrics.js";

/** Candidates per question the ranker is fitted on: the best by the hand weights. */
const CANDIDATES = 30;

type Example = RankingExample & { question: EvalQuestion; lang: string };
type Context = { index: KnowledgeIndex; vocabulary: Vocabulary };

/** Each answerable question's candidates with their ranking features, ranked by the hand weights. */
export function rankingExamples({ index, vocabulary }: Context, questions: readonly EvalQuestion[]): Example[] {
  return questions
    .filter((q) => q.answerable && classifyIntent(q.question) === "question")
    .map((q) => {
      const { hits } = retrieve(index, questionPart(q.question), CANDIDATES, { vocabulary, model: HAND_RANKING_MODEL, features: true });
      const candidates = hits.map((h) => ({ features: h.features ?? [], relevant: firstSupportingRank(q, [h.passage]) === 1 }));
      return { question: q, lang: q.lang ?? "nl", candidates };
    });
}

/** `beatsHand`: on held-out folds, Dutch MRR@10 higher and the quote holding the expected text no less often. */
export type RankingFitReport = { lines: string[]; model: RankingModel; beatsHand: boolean };

/**
 * Fits the ranking weights on one set with k-fold cross-validation, by the pairwise logistic loss (the
 * one written) and, for comparison, by coordinate ascent on MRR@10, and reports per language the
 * held-out MRR@10, recall@5 and "the quote holds the expected text" (every answerable question's answer
 * composed from the held-out ranking, the decision aside) against the hand weights on the same folds;
 * then the weights fitted on all of it, and how the dev set ranks under each (it is not fitted on).
 */
export function fitRankingReport(context: Context, fitSet: Example[], devSet: Example[], folds: number): RankingFitReport {
  const start = RANK_FEATURES.map((f) => HAND_RANKING_MODEL.weights[f]);
  const pairwise = crossValidateRanker(fitSet, folds, { start }, fitPairwise);
  const ascent = crossValidateRanker(fitSet, folds, { start }, fitRanker);
  const quoteHolds = (weightsOf: (i: number) => readonly number[]) => fitSet.map((e, i) => holdsQuote(context, e.question, toModel(weightsOf(i))));
  const handText = quoteHolds(() => start);
  const fittedText = quoteHolds((i) => pairwise.foldWeights[i % folds]!);
  const lines = [`Rangschikking, ${folds}-voudige kruisvalidatie op ${fitSet.length} beantwoordbare vragen (${CANDIDATES} kandidaten per vraag), buiten de fit gemeten:`];
  const row = (label: string, ranks: number[], keep: (i: number) => boolean, text?: boolean[]) => {
    const kept = ranks.filter((_, i) => keep(i));
    const n = Math.max(1, kept.length);
    const mrr = kept.reduce((s, r) => s + (r ? 1 / r : 0), 0) / n;
    const recall = kept.filter((r) => r > 0 && r <= 5).length / n;
    const holds = text ? `  citaat bevat tekst ${(text.filter((t, i) => t && keep(i)).length / n).toFixed(3)}` : "";
    return `  ${label.padEnd(34)} MRR@10 ${mrr.toFixed(3)}  recall@5 ${recall.toFixed(3)}${holds}`;
  };
  for (const lang of ["nl", "en"]) {
    const keep = (i: number) => fitSet[i]!.lang === lang;
    lines.push(`${lang}:`, row("handgewichten", pairwise.hand, keep, handText), row("paarsgewijs logistisch (buiten fold)", pairwise.fitted, keep, fittedText),
      row("coördinaatstijging op MRR (buiten fold)", ascent.fitted, keep));
  }
  pairwise.foldWeights.forEach((w, i) => lines.push(`  fold ${i + 1}: ${formatWeights(w)}`));
  const all = fitPairwise(fitSet, { start });
  const ranks = (w: readonly number[]) => devSet.map((e) => rankOfRelevant(e, w));
  lines.push(`Gewichten (paarsgewijs, op alle vragen): ${formatWeights(all)}`);
  lines.push("Ontwikkelset (niet gefit):", row("handgewichten", ranks(start), () => true), row("gefit", ranks(all), () => true));
  lines.push(`In gebruik nu: ${formatWeights(RANK_FEATURES.map((f) => RANKING_MODEL.weights[f]))}`);
  const nl = (i: number) => fitSet[i]!.lang === "nl";
  const mrr = (r: number[]) => r.reduce((s, x, i) => s + (x && nl(i) ? 1 / x : 0), 0);
  const text = (t: boolean[]) => t.filter((x, i) => x && nl(i)).length;
  return { lines, model: toModel(all), beatsHand: mrr(pairwise.fitted) > mrr(pairwise.hand) && text(fittedText) >= text(handText) };
}

/** Whether the answer composed from the question's ranking under a model quotes an expected phrase. */
function holdsQuote({ index, vocabulary }: Context, q: EvalQuestion, model: RankingModel): boolean {
  const found = retrieve(index, questionPart(q.question), 10, { vocabulary, model });
  const answer = composeAnswer(found.hits, found.terms, found.passageCount, { list: asksForList(q.question), form: questionForm(q.question), question: q.question });
  return holdsExpected(q, answer.text);
}

const toModel = (w: readonly number[]): RankingModel => ({ bias: 0, weights: Object.fromEntries(RANK_FEATURES.map((f, i) => [f, w[i]!])) as RankingModel["weights"] });
const formatWeights = (w: readonly number[]) => RANK_FEATURES.map((f, i) => `${f} ${w[i]}`).join(", ");
