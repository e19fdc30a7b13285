import type { AnswerEvidence } from "./answer-evidence.js";

export type AnswerabilityModel = { bias: number; weights: Partial<Record<keyof AnswerEvidence, number>> };

/**
 * Hand-set starting weights; replaced by the fitted ones that `npm run eval:fit -- --write` prints
 * into this file.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: -0.125,
  weights: {coverage: 1.136, unknownShare: -2.021, agreement: -0.351, sentenceCoverage: 0.177, rarestInTop: -0.609, topicMissing: -0.476, detailMissing: -3.558, length: 2.426},
};
