import type { AnswerEvidence } from "./answer-evidence.js";

export type AnswerabilityModel = { bias: number; weights: Partial<Record<keyof AnswerEvidence, number>> };

/**
 * Hand-set starting weights; replaced by the fitted ones that `npm run eval:fit -- --write` prints
 * into this file.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: -0.353,
  weights: {coverage: 1.594, unknownShare: -2.219, agreement: -0.417, sentenceCoverage: 0.395, rarestInTop: -0.48, topicMissing: -0.279, detailMissing: -3.813, length: 2.341},
};
