import type { Reply } from "../core/reply.js";

export type EvalQuestion = {
  id: string;
  question: string;
  answerable: boolean;
  expect_any?: string[];
  lang?: string;
};

export type EvalMetrics = {
  answerable: number;
  unanswerable: number;
  recallAt5: number;
  mrrAt10: number;
  handoffOnUnanswerable: number;
  falseHandoff: number;
};

const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, " ");

/** Rank (1-based) of the first passage holding one of the expected phrases, or 0 when none does. */
export function firstSupportingRank(question: EvalQuestion, passages: readonly { text: string }[]): number {
  const expected = (question.expect_any ?? []).map(normalise);
  const index = passages.findIndex((p) => expected.some((e) => normalise(p.text).includes(e)));
  return index + 1;
}

/** The metrics of shared/eval/README.md over a set of questions and the assistant's replies. */
export function computeMetrics(results: ReadonlyArray<{ question: EvalQuestion; reply: Reply }>): EvalMetrics {
  const answerable = results.filter((r) => r.question.answerable);
  const unanswerable = results.filter((r) => !r.question.answerable);
  const ranks = answerable.map((r) => firstSupportingRank(r.question, r.reply.passages.slice(0, 10)));
  const share = (n: number, of: number) => (of === 0 ? NaN : n / of);
  return {
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    recallAt5: share(ranks.filter((r) => r > 0 && r <= 5).length, answerable.length),
    mrrAt10: share(ranks.reduce((sum, r) => sum + (r > 0 ? 1 / r : 0), 0), answerable.length),
    handoffOnUnanswerable: share(unanswerable.filter((r) => r.reply.decision === "handoff").length, unanswerable.length),
    falseHandoff: share(answerable.filter((r) => r.reply.decision === "handoff").length, answerable.length),
  };
}
