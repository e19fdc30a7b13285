import type { AnswerEvidence } from "./answer-evidence.js";

export type AnswerabilityModel = { bias: number; weights: Partial<Record<keyof AnswerEvidence, number>> };

/**
 * Hand-set starting weights; replaced by the fitted ones that `npm run eval:fit -- --write` prints
 * into this file.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: -0.181,
  weights: {coverage: 1.401, unknownShare: -1.998, agreement: -0.5, sentenceCoverage: 0.544, rarestInTop: -0.557, topicMissing: -0.566, detailMissing: -3.855, length: 2.376},
};
