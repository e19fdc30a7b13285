/**
 * Chooses one of several settings by k-fold cross-validation: for each fold, the setting with the best
 * mean score on the other folds is taken, and scored on the fold it did not see. Returns the held-out
 * mean and the setting chosen on all data. `scores[s][i]` is question i's score under setting s.
 */
export function crossValidateChoice(scores: readonly (readonly number[])[], folds: number): { heldOut: number; chosen: number; perSetting: number[] } {
  const n = scores[0]?.length ?? 0;
  const mean = (s: number, keep: (i: number) => boolean) => {
    let sum = 0;
    let count = 0;
    for (let i = 0; i < n; i++) if (keep(i)) (sum += scores[s]![i]!), count++;
    return count ? sum / count : 0;
  };
  const best = (keep: (i: number) => boolean) => scores.reduce((b, _, s) => (mean(s, keep) > mean(b, keep) + 1e-12 ? s : b), 0);
  let heldOutSum = 0;
  for (let fold = 0; fold < folds; fold++) {
    const chosen = best((i) => i % folds !== fold);
    for (let i = 0; i < n; i++) if (i % folds === fold) heldOutSum += scores[chosen]![i]!;
  }
  return { heldOut: n ? heldOutSum / n : 0, chosen: best(() => true), perSetting: scores.map((_, s) => mean(s, () => true)) };
}
