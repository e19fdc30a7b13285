import type { SuggestEvidence, SuggestFeature } from "./suggest-evidence.js";

export type SuggestModel = { bias: number; weights: Partial<Record<SuggestFeature, number>> };

/** Suggest when the model's probability reaches this. */
export const SUGGEST_THRESHOLD = 0.5;

/**
 * Whether to suggest the best candidate at all: logistic weights over its evidence, fitted by
 * `npm run eval -- --gids --fit --write` on the matching check's questions (held-out figures in the commit).
 */
export const SUGGEST_MODEL: SuggestModel = {
  bias: -3.105,
  weights: {share: 0.992, evidence: 0.613, wordShare: 1.486, margin: 0.493, known: 0.805, second: 1.732, unknown: -1.503, length: 2.855},
};

export function suggestProbability(evidence: SuggestEvidence, model: SuggestModel = SUGGEST_MODEL): number {
  let z = model.bias;
  for (const [name, weight] of Object.entries(model.weights) as Array<[SuggestFeature, number]>) z += weight * evidence[name];
  return 1 / (1 + Math.exp(-z));
}
