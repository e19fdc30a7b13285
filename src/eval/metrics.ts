import type { Reply } from "../core/reply.js";

export type EvalQuestion = {
  id: string;
  question: string;
  answerable: boolean;
  expect_any?: string[];
  lang?: string;
  /** fact, howto, why, advice, list, comparison; detail-missing, near-domain, outside (realistic set). */
  kind?: string;
};

export type EvalMetrics = {
  answerable: number;
  unanswerable: number;
  recallAt5: number;
  mrrAt10: number;
  handoffOnUnanswerable: number;
  falseHandoff: number;
  /** Of the answerable questions that were answered: share whose answer text holds an expected phrase. */
  answerHoldsExpected: number;
};

export type EvalResult = { question: EvalQuestion; reply: Reply };

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, " ");

/** Rank (1-based) of the first passage holding one of the expected phrases, or 0 when none does. */
export function firstSupportingRank(question: EvalQuestion, passages: readonly { text: string }[]): number {
  const expected = (question.expect_any ?? []).map(normalise);
  const index = passages.findIndex((p) => expected.some((e) => normalise(p.text).includes(e)));
  return index + 1;
}

/** Whether a text holds one of the question's expected phrases, compared as passages are. */
export function holdsExpected(question: EvalQuestion, text: string): boolean {
  const own = normalise(text);
  return (question.expect_any ?? []).some((e) => own.includes(normalise(e)));
}

/** The metrics of shared/eval/README.md over a set of questions and the assistant's replies. */
export function computeMetrics(results: readonly EvalResult[]): EvalMetrics {
  const answerable = results.filter((r) => r.question.answerable);
  const unanswerable = results.filter((r) => !r.question.answerable);
  const ranks = answerable.map((r) => firstSupportingRank(r.question, r.reply.passages.slice(0, 10)));
  const answered = answerable.filter((r) => r.reply.decision === "answer");
  const share = (n: number, of: number) => (of === 0 ? NaN : n / of);
  return {
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    recallAt5: share(ranks.filter((r) => r > 0 && r <= 5).length, answerable.length),
    mrrAt10: share(ranks.reduce((sum, r) => sum + (r > 0 ? 1 / r : 0), 0), answerable.length),
    handoffOnUnanswerable: share(unanswerable.filter((r) => r.reply.decision === "handoff").length, unanswerable.length),
    falseHandoff: share(answerable.filter((r) => r.reply.decision === "handoff").length, answerable.length),
    answerHoldsExpected: share(answered.filter((r) => holdsExpected(r.question, r.reply.text)).length, answered.length),
  };
}

/** Metrics per language, for all questions, and per kind of question (when the set has kinds). */
export function metricsByGroup(results: readonly EvalResult[]): Array<[string, EvalMetrics]> {
  const groups: Array<[string, EvalMetrics]> = [
    ["nl", computeMetrics(results.filter((r) => (r.question.lang ?? "nl") === "nl"))],
    ["en", computeMetrics(results.filter((r) => r.question.lang === "en"))],
    ["all", computeMetrics(results)],
  ];
  const kinds = [...new Set(results.map((r) => r.question.kind).filter((k): k is string => !!k))];
  for (const kind of kinds) groups.push([`  ${kind}`, computeMetrics(results.filter((r) => r.question.kind === kind))]);
  return groups;
}
