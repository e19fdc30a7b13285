import type { AnswerEvidence } from "./answer-evidence.js";

export type AnswerabilityModel = { bias: number; weights: Partial<Record<keyof AnswerEvidence, number>> };

/**
 * Hand-set starting weights; replaced by the fitted ones that `npm run eval:fit -- --write` prints
 * into this file.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: -0.801,
  weights: {coverage: 1.863, unknownShare: -2.556, agreement: 0.049, sentenceCoverage: 1.32, rarestInTop: -0.449, topicMissing: -0.007, detailMissing: -4.435, length: 2.347},
};
