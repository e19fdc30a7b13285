import type { AnswerEvidence } from "./answer-evidence.js";

export type AnswerabilityModel = { bias: number; weights: Partial<Record<keyof AnswerEvidence, number>> };

/**
 * Hand-set starting weights; replaced by the fitted ones that `npm run eval:fit -- --write` prints
 * into this file.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: -0.502,
  weights: {coverage: 1.772, unknownShare: -2.609, agreement: 0.106, sentenceCoverage: 1.067, rarestInTop: -0.497, topicMissing: -0.04, detailMissing: -4.425, length: 2.248},
};
