/** One question's candidate passages: their ranking features and whether each holds the expected text. */
export type RankingExample = { candidates: ReadonlyArray<{ features: readonly number[]; relevant: boolean }> };

export type RankerFitOptions = {
  /** The weights the search starts from and is pulled back to (the hand weights). */
  start: readonly number[];
  /** Features whose weight stays as started (the first, BM25, fixes the scale: a ranking has no unit). */
  fixed?: readonly number[];
  /** Values each free weight may take; all non-negative, so a feature can only add to a passage's score. */
  grid?: readonly number[];
  /** Penalty per squared step away from the start, against the mean MRR@10. */
  lambda?: number;
};

const GRID = [0, 0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1, 1.5, 2, 3];
const LAMBDA = 0.002;
const PASSES = 6;

/** Rank (1-based) of the first relevant candidate when ordered by the weights, 0 when none is among `depth`. */
export function rankOfRelevant(example: RankingExample, weights: readonly number[], depth = 10): number {
  const scores = example.candidates.map((c, i) => ({ i, relevant: c.relevant, score: c.features.reduce((s, f, k) => s + f * weights[k]!, 0) }));
  scores.sort((a, b) => b.score - a.score || a.i - b.i);
  const rank = scores.slice(0, depth).findIndex((s) => s.relevant) + 1;
  return rank;
}

/** Mean MRR@10 of the examples under the weights. */
export function meanMrr(examples: readonly RankingExample[], weights: readonly number[]): number {
  if (!examples.length) return 0;
  return examples.reduce((sum, e) => {
    const rank = rankOfRelevant(e, weights);
    return sum + (rank ? 1 / rank : 0);
  }, 0) / examples.length;
}

/**
 * Fits a linear ranker by coordinate ascent on MRR@10 (as in Metzler and Croft's linear feature-based
 * models): each free weight in turn takes the grid value that scores best, until a pass changes nothing.
 * The weights stay non-negative and are pulled towards the start by an L2 penalty, so that a weight moves
 * only for a clear gain on the questions it is fitted on.
 */
export function fitRanker(examples: readonly RankingExample[], options: RankerFitOptions): number[] {
  const grid = options.grid ?? GRID;
  const lambda = options.lambda ?? LAMBDA;
  const fixed = new Set(options.fixed ?? [0]);
  const objective = (w: readonly number[]) => meanMrr(examples, w) - lambda * w.reduce((s, x, k) => s + (x - options.start[k]!) ** 2, 0);
  const weights = [...options.start];
  let best = objective(weights);
  for (let pass = 0; pass < PASSES; pass++) {
    let changed = false;
    for (let k = 0; k < weights.length; k++) {
      if (fixed.has(k)) continue;
      for (const value of grid) {
        if (value === weights[k]) continue;
        const trial = weights.map((x, j) => (j === k ? value : x));
        const score = objective(trial);
        if (score > best + 1e-9) [best, weights[k], changed] = [score, value, true];
      }
    }
    if (!changed) break;
  }
  return weights;
}

/**
 * Fits a linear ranker by a pairwise logistic loss (RankNet with a linear scorer): for each question,
 * every irrelevant candidate should score below the relevant ones, log(1 + e^-(s_rel - s_other)) summed
 * over those pairs, plus an L2 penalty towards the start; projected gradient descent keeps the weights
 * non-negative. Smoother than coordinate ascent on MRR, so less prone to chase single questions.
 */
export function fitPairwise(examples: readonly RankingExample[], options: RankerFitOptions & { steps?: number; rate?: number }): number[] {
  const lambda = options.lambda ?? PAIRWISE_LAMBDA;
  const pairs: number[][] = [];
  for (const e of examples) {
    const relevant = e.candidates.filter((c) => c.relevant);
    for (const r of relevant) for (const c of e.candidates) if (!c.relevant) pairs.push(r.features.map((f, k) => f - c.features[k]!));
  }
  const weights = [...options.start];
  if (!pairs.length) return weights;
  const rate = options.rate ?? 0.05;
  for (let step = 0; step < (options.steps ?? 400); step++) {
    const gradient = weights.map((w, k) => 2 * lambda * (w - options.start[k]!));
    for (const d of pairs) {
      const margin = d.reduce((s, x, k) => s + x * weights[k]!, 0);
      const g = -1 / (1 + Math.exp(margin)) / pairs.length;
      d.forEach((x, k) => (gradient[k]! += g * x));
    }
    weights.forEach((w, k) => (weights[k] = Math.max(0, w - rate * gradient[k]!)));
  }
  return weights.map((w) => Math.round(w * 1000) / 1000);
}

const PAIRWISE_LAMBDA = 0.01;

/**
 * k-fold cross-validation of the fit: each fold is ranked by the weights fitted on the other folds.
 * Returns, per example, the rank of its first relevant candidate under the held-out fit and under the
 * start (hand) weights, and the weights of each fold.
 */
export function crossValidateRanker(examples: readonly RankingExample[], folds: number, options: RankerFitOptions, fit = fitRanker): { fitted: number[]; hand: number[]; foldWeights: number[][] } {
  const fitted = new Array<number>(examples.length).fill(0);
  const hand = examples.map((e) => rankOfRelevant(e, options.start));
  const foldWeights: number[][] = [];
  for (let fold = 0; fold < folds; fold++) {
    const weights = fit(examples.filter((_, i) => i % folds !== fold), options);
    foldWeights.push(weights);
    examples.forEach((e, i) => {
      if (i % folds === fold) fitted[i] = rankOfRelevant(e, weights);
    });
  }
  return { fitted, hand, foldWeights };
}
