import type { AnswerEvidence } from "./answer-evidence.js";

export type AnswerabilityModel = { bias: number; weights: Partial<Record<keyof AnswerEvidence, number>> };

/**
 * Hand-set starting weights; replaced by the fitted ones that `npm run eval:fit -- --write` prints
 * into this file.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: -0.517,
  weights: {coverage: 1.709, unknownShare: -2.612, agreement: 0.049, sentenceCoverage: 1.165, rarestInTop: -0.489, topicMissing: -0.053, detailMissing: -4.422, length: 2.256},
};
