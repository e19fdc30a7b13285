import type { AnswerEvidence } from "./answer-evidence.js";

export type AnswerabilityModel = { bias: number; weights: Partial<Record<keyof AnswerEvidence, number>> };

/**
 * Hand-set starting weights; replaced by the fitted ones that `npm run eval:fit -- --write` prints
 * into this file.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: -0.481,
  weights: {coverage: 1.568, unknownShare: -1.988, agreement: -0.051, sentenceCoverage: 0.902, rarestInTop: -0.628, topicMissing: -0.463, detailAsked: -2.532, detailMissing: -1.875, length: 2.716},
};
