/** A labelled example: features and whether the positive class holds. */
export type Example = { features: number[]; label: boolean };

export type LogisticModel = { bias: number; weights: number[] };

export type FitOptions = {
  l2?: number;
  iterations?: number;
  learningRate?: number;
  balanced?: boolean;
  /**
   * A sign per feature that its weight must keep (+1: more of it may only speak for, -1: only against,
   * 0: free), by projected gradient descent: after each step a weight of the wrong sign is set to 0.
   * With few examples and related features, an unconstrained fit can turn some evidence around.
   */
  signs?: readonly number[];
};

/**
 * Logistic regression by full-batch gradient descent with L2 regularisation (not on the bias). With
 * `balanced`, each class weighs as much as the other in total, so 0.5 separates them evenly.
 */
export function fitLogistic(examples: readonly Example[], options: FitOptions = {}): LogisticModel {
  const { l2 = 0.003, iterations = 4_000, learningRate = 0.5, balanced = true, signs } = options;
  const dims = examples[0]?.features.length ?? 0;
  const weights = new Array<number>(dims).fill(0);
  let bias = 0;
  const positives = examples.filter((e) => e.label).length;
  const negatives = examples.length - positives;
  const weightOf = (e: Example) => (!balanced ? 1 : e.label ? examples.length / (2 * Math.max(1, positives)) : examples.length / (2 * Math.max(1, negatives)));
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
      if (signs && signs[d]! * weights[d]! < 0) weights[d] = 0;
    }
    bias -= learningRate * (gradientBias / examples.length);
  }
  return { bias, weights };
}

export function predict(model: LogisticModel, features: readonly number[]): number {
  let z = model.bias;
  for (let d = 0; d < features.length; d++) z += model.weights[d]! * features[d]!;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Held-out predictions by stratified k-fold cross-validation: each example is predicted by a model
 * that never saw it. Folds are assigned by a stable order (the caller's), positives and negatives
 * dealt round-robin so each fold has both classes.
 */
export function crossValidate(examples: readonly Example[], folds: number, options: FitOptions = {}): number[] {
  const foldOf = new Array<number>(examples.length);
  let positive = 0;
  let negative = 0;
  examples.forEach((e, i) => (foldOf[i] = e.label ? positive++ % folds : negative++ % folds));
  const predictions = new Array<number>(examples.length);
  for (let fold = 0; fold < folds; fold++) {
    const model = fitLogistic(examples.filter((_, i) => foldOf[i] !== fold), options);
    examples.forEach((e, i) => {
      if (foldOf[i] === fold) predictions[i] = predict(model, e.features);
    });
  }
  return predictions;
}
