import type { AnswerEvidence } from "./answer-evidence.js";

export type AnswerabilityModel = { bias: number; weights: Partial<Record<keyof AnswerEvidence, number>> };

/**
 * Hand-set starting weights; replaced by the fitted ones that `npm run eval:fit -- --write` prints
 * into this file.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: -0.144,
  weights: {coverage: 1.328, unknownShare: -1.945, agreement: -0.447, sentenceCoverage: 0.563, rarestInTop: -0.57, topicMissing: -0.62, detailMissing: -3.845, length: 2.372},
};
