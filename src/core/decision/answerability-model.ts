import type { AnswerEvidence } from "./answer-evidence.js";

export type AnswerabilityModel = { bias: number; weights: Partial<Record<keyof AnswerEvidence, number>> };

/**
 * Hand-set starting weights; replaced by the fitted ones that `npm run eval:fit -- --write` prints
 * into this file.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: -0.395,
  weights: {coverage: 1.727, unknownShare: -2.109, agreement: 0.103, sentenceCoverage: 0.891, rarestInTop: -0.807, topicMissing: -0.255, detailAsked: -2.948, detailMissing: -1.391, length: 2.64},
};
