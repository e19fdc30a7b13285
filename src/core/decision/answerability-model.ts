import type { AnswerEvidence } from "./answer-evidence.js";

export type AnswerabilityModel = { bias: number; weights: Partial<Record<keyof AnswerEvidence, number>> };

/**
 * Hand-set starting weights; replaced by the fitted ones that `npm run eval:fit -- --write` prints
 * into this file.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: -0.084,
  weights: {coverage: 1.178, unknownShare: -2.028, agreement: -0.348, sentenceCoverage: 0.164, rarestInTop: -0.679, topicMissing: -0.47, detailMissing: -3.547, length: 2.41},
};
