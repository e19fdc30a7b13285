import type { AnswerEvidence } from "./answer-evidence.js";

export type AnswerabilityModel = { bias: number; weights: Partial<Record<keyof AnswerEvidence, number>> };

/**
 * Hand-set starting weights; replaced by the fitted ones that `npm run eval:fit -- --write` prints
 * into this file.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: -0.394,
  weights: {coverage: 1.703, unknownShare: -2.594, agreement: 0.022, sentenceCoverage: 0.951, rarestInTop: -0.522, topicMissing: -0.097, detailMissing: -4.212, length: 2.253},
};
