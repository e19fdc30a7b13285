import type { SuggestEvidence, SuggestFeature } from "./suggest-evidence.js";

export type SuggestModel = { bias: number; weights: Partial<Record<SuggestFeature, number>> };

/** Suggest when the model's probability reaches this. */
export const SUGGEST_THRESHOLD = 0.5;

/**
 * Whether to suggest the best candidate at all: logistic weights over its evidence, fitted by
 * `npm run eval -- --gids --fit --write` on the matching check's questions (held-out figures in the commit).
 */
export const SUGGEST_MODEL: SuggestModel = {
  bias: -3.035,
  weights: {share: 1.041, evidence: 0.675, wordShare: 1.292, margin: 0.494, known: 0.875, second: 1.581, unknown: -1.579, length: 2.859},
};

export function suggestProbability(evidence: SuggestEvidence, model: SuggestModel = SUGGEST_MODEL): number {
  let z = model.bias;
  for (const [name, weight] of Object.entries(model.weights) as Array<[SuggestFeature, number]>) z += weight * evidence[name];
  return 1 / (1 + Math.exp(-z));
}
