import type { Example, LogisticModel } from "./logistic-regression.js";
import { predict } from "./logistic-regression.js";

/**
 * Logistic regression whose weights keep a given sign (+1: more of it may only speak for, -1: only
 * against, 0: free), by projected gradient descent: after each step a weight of the wrong sign is
 * set to 0. With few examples and related features, an unconstrained fit turns some evidence
 * around (a better margin counting against); the signs keep the model what it claims to be.
 * Classes weigh equally (balanced); L2 as in fitLogistic.
 */
export function fitSignedLogistic(examples: readonly Example[], signs: readonly number[], options: { l2?: number; iterations?: number; learningRate?: number } = {}): LogisticModel {
  const { l2 = 0.003, iterations = 4_000, learningRate = 0.5 } = options;
  const dims = signs.length;
  const weights = new Array<number>(dims).fill(0);
  let bias = 0;
  const positives = examples.filter((e) => e.label).length;
  const negatives = examples.length - positives;
  const weightOf = (e: Example) => (e.label ? examples.length / (2 * Math.max(1, positives)) : examples.length / (2 * Math.max(1, negatives)));
  for (let step = 0; step < iterations; step++) {
    const gradient = new Array<number>(dims).fill(0);
    let gradientBias = 0;
    for (const e of examples) {
      const error = (predict({ bias, weights }, e.features) - (e.label ? 1 : 0)) * weightOf(e);
      for (let d = 0; d < dims; d++) gradient[d]! += error * e.features[d]!;
      gradientBias += error;
    }
    for (let d = 0; d < dims; d++) {
      weights[d]! -= learningRate * (gradient[d]! / examples.length + l2 * weights[d]!);
      if (signs[d]! * weights[d]! < 0) weights[d] = 0;
    }
    bias -= learningRate * (gradientBias / examples.length);
  }
  return { bias, weights };
}
