import { GidsMatcher, type FieldFrequencies, type ProfileSource } from "../core/gids/initiative-matcher.js";
import type { InitiativeProfile } from "../core/gids/initiative.js";
import { SUGGEST_EVIDENCE_NAMES, SUGGEST_EVIDENCE_SIGNS } from "../core/gids/suggest-evidence.js";
import type { SuggestModel } from "../core/gids/suggest-model.js";
import type { Vocabulary } from "../core/text/vocabulary.js";
import { runGidsCheck, type GidsQuestion, type GidsResult } from "./gids-check.js";
import { fitLogistic, type Example } from "./logistic-regression.js";

export const FOLDS = 5;
const TOP = 3;

/** One set of the matching check to fit on: its gids and its questions. */
export type FitSet = { source: ProfileSource; profiles: readonly InitiativeProfile[]; questions: readonly GidsQuestion[] };

/**
 * The model on all examples, and per set its questions as judged by models that did not see them: by
 * question (k-fold across the sets) and, with more than one set, by set (each set judged by a model
 * fitted on the others only, as a new gids written by someone else would be).
 */
export type SuggestFit = {
  model: SuggestModel;
  heldOut: GidsResult[][];
  bySet?: GidsResult[][];
  /** The model of each fold (k-fold by question): weights that move much between folds rest on a few questions. */
  foldModels: SuggestModel[];
  examples: number;
  ranked: Array<{ total: number; found: number }>;
};

/**
 * Fits the suggest model (whether to suggest the best candidate at all) by logistic regression (each
 * weight kept to its sign) on the evidence of each question's best candidate, over one or more sets
 * together: positive when a fitting initiative is among the first three candidates, negative when
 * nothing fits; a question whose fitting initiative is not among them teaches nothing about the
 * decision and is left out. The evidence is the lead's: the first candidate that may be suggested.
 * The held-out results come from k-fold cross-validation with the folds by question across the sets
 * (positives and negatives dealt round-robin, set after set): each question is matched with a model
 * fitted without it, so a set's held-out figures are honest about the model's part. With several sets,
 * also leave-one-set-out: the honest figure for a gids and questions the model has never seen.
 */
export function fitSuggestModel(sets: readonly FitSet[], vocabulary: Vocabulary, field?: FieldFrequencies): SuggestFit {
  const examples: Array<Example & { fold: number; set: number }> = [];
  let positives = 0;
  let negatives = 0;
  const ranked = sets.map(() => ({ total: 0, found: 0 }));
  const foldsOf = sets.map((set, s) => {
    const matcher = new GidsMatcher(set.source, vocabulary, field);
    return set.questions.map((q, i) => {
      const { candidates, evidence } = matcher.judged(q.question, { region: q.region ?? undefined, exclude: q.own ? [q.own] : [] });
      const top = candidates.filter((c) => c.contactable).slice(0, TOP).map((c) => c.profile.id);
      const label = q.expected.length ? (top.some((id) => q.expected.includes(id)) ? true : undefined) : false;
      if (q.expected.length) {
        ranked[s]!.total++;
        if (label) ranked[s]!.found++;
      }
      if (label === undefined || !evidence) return i % FOLDS;
      const fold = label ? positives++ % FOLDS : negatives++ % FOLDS;
      examples.push({ label, fold, set: s, features: SUGGEST_EVIDENCE_NAMES.map((n) => evidence[n]) });
      return fold;
    });
  });
  const judge = (groups: number, trainOn: (e: { fold: number; set: number }, group: number) => boolean, inGroup: (s: number, i: number, group: number) => boolean) => {
    const heldOut: GidsResult[][] = sets.map(() => []);
    const models: SuggestModel[] = [];
    for (let group = 0; group < groups; group++) {
      const model = toModel(fit(examples.filter((e) => trainOn(e, group))));
      models.push(model);
      sets.forEach((set, s) => {
        const questions = set.questions.filter((_, i) => inGroup(s, i, group));
        if (!questions.length) return;
        const folded = new GidsMatcher(set.source, vocabulary, field, model);
        heldOut[s]!.push(...runGidsCheck({ matcher: folded, ownOf: () => [] }, set.profiles, questions).results);
      });
    }
    sets.forEach((set, s) => {
      const order = new Map(set.questions.map((q, i) => [q.id, i]));
      heldOut[s]!.sort((a, b) => order.get(a.question.id)! - order.get(b.question.id)!);
    });
    return { heldOut, models };
  };
  const { heldOut, models: foldModels } = judge(FOLDS, (e, fold) => e.fold !== fold, (s, i, fold) => foldsOf[s]![i] === fold);
  const bySet = sets.length > 1 ? judge(sets.length, (e, set) => e.set !== set, (s, _, set) => s === set).heldOut : undefined;
  return { model: toModel(fit(examples)), heldOut, bySet, foldModels, examples: examples.length, ranked };
}

/** Each feature may only count the way it says (suggest-evidence.ts): for, or against. */
const fit = (examples: readonly Example[]) => fitLogistic(examples, { signs: SUGGEST_EVIDENCE_NAMES.map((n) => SUGGEST_EVIDENCE_SIGNS[n]) });

function toModel(fitted: { bias: number; weights: number[] }): SuggestModel {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { bias: round(fitted.bias), weights: Object.fromEntries(SUGGEST_EVIDENCE_NAMES.map((n, i) => [n, round(fitted.weights[i]!)])) };
}
