import type { AnswerEvidence } from "./answer-evidence.js";

export type AnswerabilityModel = { bias: number; weights: Partial<Record<keyof AnswerEvidence, number>> };

/**
 * Hand-set starting weights; replaced by the fitted ones that `npm run eval:fit -- --write` prints
 * into this file.
 */
export const ANSWERABILITY_MODEL: AnswerabilityModel = {
  bias: 1.371,
  weights: {coverage: 0.453, unknownShare: -1.956, agreement: 0.311, sentenceCoverage: -0.544, rarestInTop: -0.261, detailAsked: -2.23, detailMissing: -0.552, liveFacts: -0.078},
};
