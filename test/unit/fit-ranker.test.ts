import { describe, expect, it } from "vitest";
import { crossValidateRanker, fitPairwise, fitRanker, meanMrr, rankOfRelevant, type RankingExample } from "../../src/eval/fit-ranker.js";

/**
 * Questions of two features: the first (a word score) puts a wrong candidate first, the second (say,
 * a heading that names the subject) marks the right one. A fit should learn to use the second.
 */
function examples(count: number): RankingExample[] {
  return Array.from({ length: count }, (_, q) => ({
    candidates: [
      { features: [3 + (q % 3) * 0.1, 0], relevant: false },
      { features: [2.5, 1], relevant: true },
      { features: [1, 0], relevant: false },
    ],
  }));
}

describe("fitting the ranking weights", () => {
  it("given weights, then candidates are ranked by their weighted sum and ties keep their order", () => {
    const [example] = examples(1);
    expect(rankOfRelevant(example!, [1, 0])).toBe(2);
    expect(rankOfRelevant(example!, [1, 1])).toBe(1);
    expect(rankOfRelevant({ candidates: [{ features: [1], relevant: false }, { features: [1], relevant: true }] }, [1])).toBe(2);
    expect(rankOfRelevant({ candidates: [{ features: [1], relevant: false }] }, [1])).toBe(0);
  });

  it("given a feature that marks the right passage, then coordinate ascent on MRR gives it weight and the first weight stays fixed", () => {
    const data = examples(20);
    expect(meanMrr(data, [1, 0])).toBeCloseTo(0.5);
    const weights = fitRanker(data, { start: [1, 0] });
    expect(weights[0]).toBe(1);
    expect(weights[1]).toBeGreaterThan(0.5);
    expect(meanMrr(data, weights)).toBe(1);
  });

  it("given the same questions, then the pairwise logistic fit also ranks the right passage first, with weights never below zero", () => {
    const data = examples(20);
    const weights = fitPairwise(data, { start: [1, 0], steps: 2_000, rate: 0.2 });
    expect(weights.every((w) => w >= 0)).toBe(true);
    expect(meanMrr(data, weights)).toBe(1);
  });

  it("given a feature that only pushes the wrong passages up, then its weight stays at zero (signs are constrained)", () => {
    const data: RankingExample[] = examples(10).map((e) => ({ candidates: e.candidates.map((c) => ({ ...c, features: [...c.features, c.relevant ? 0 : 1] })) }));
    expect(fitRanker(data, { start: [1, 0, 0] })[2]).toBe(0);
    expect(fitPairwise(data, { start: [1, 0, 0] })[2]).toBe(0);
  });

  it("given five folds, then each question is ranked by weights fitted without it, beside the hand weights' rank", () => {
    const data = examples(10);
    const cv = crossValidateRanker(data, 5, { start: [1, 0] });
    expect(cv.foldWeights).toHaveLength(5);
    expect(cv.hand).toEqual(new Array(10).fill(2));
    expect(cv.fitted).toEqual(new Array(10).fill(1));
  });
});
