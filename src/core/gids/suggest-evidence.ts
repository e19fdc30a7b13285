import type { HeldWord, TopicGroup } from "./profile-evidence.js";

/** The evidence that the best candidate fits a question, each roughly between 0 and 1. */
export type SuggestEvidence = {
  /** Its share of everything the question is about (IDF-weighted topic words). */
  share: number;
  /** What it holds, in words that only one profile has (capped at two, as a half each). */
  evidence: number;
  /** The share of the question's topic words it holds. */
  wordShare: number;
  /**
   * Question words it holds as typed (or nearly: a translation, a typo, an inflection) in its experience,
   * themes or name (capped at two). Not weighed by the model (fitted, it stayed at 0): the short-question rule reads it.
   */
  direct: number;
  /** How far it is ahead of the runner-up (share of its own mass). */
  margin: number;
  /** The share of the question's topic words the gids knows at all: low when the question is about something else. */
  known: number;
  /** Its second-best question word, against a rare word (capped at 1): two distinct words it holds well, not one. */
  second: number;
  /** The share of the question's weight in words no profile holds in any form: what it asks that the gids does not know. */
  unknown: number;
  /** How many topic words the question has (LONG_QUESTION or more: 1): in a long question every share is spread thin. */
  length: number;
};

/** What the suggest model weighs: every piece of evidence but `direct`. */
export type SuggestFeature = Exclude<keyof SuggestEvidence, "direct">;
/**
 * The model's features. Fewer than before: how many words it holds (capped at two), whether only its
 * description holds them and its share of the words the gids knows were kept at 0 by the fit on the four
 * sets (nearly always per fold too) and turned around without the signs; leaving them out changes no
 * held-out figure.
 */
export const SUGGEST_EVIDENCE_NAMES = ["share", "evidence", "wordShare", "margin", "known", "second", "unknown", "length"] as const satisfies ReadonlyArray<SuggestFeature>;
/** Which way each may count: more of it only for suggesting (+1), only against (-1). */
export const SUGGEST_EVIDENCE_SIGNS: Record<SuggestFeature, number> = { share: 1, evidence: 1, wordShare: 1, margin: 1, known: 1, second: 1, unknown: -1, length: 1 };

/** A term that counts (nearly) as the word typed: the word itself, a translation, a typo, an inflection. */
const DIRECT_WEIGHT = 0.85;
const STRONG_FIELDS = new Set(["experience", "themes", "name"]);
/** A question of this many topic words or more is long (the length feature is 1). */
const LONG_QUESTION = 12;

type Scored = { mass: number; held: readonly HeldWord[] };

/**
 * What speaks for suggesting the best candidate at all: not one number but several, weighed by a
 * model fitted on questions (suggest-model.ts, `npm run eval -- --gids --fit`).
 */
export function suggestEvidence(best: Scored, runnerUp: Scored | undefined, groups: readonly TopicGroup[], total: number, rare: number): SuggestEvidence {
  const held = best.held.filter((h) => h.value > 0);
  const knownGroups = groups.filter((g) => g.terms.some((t) => t.df > 0));
  const knownMax = knownGroups.reduce((n, g) => n + g.max, 0);
  const values = held.map((h) => h.value).sort((a, b) => b - a);
  const direct = held.filter((h) => (h.weight ?? 0) >= DIRECT_WEIGHT && h.field && STRONG_FIELDS.has(h.field)).length;
  return {
    share: total > 0 ? best.mass / total : 0,
    evidence: Math.min(2, best.mass / rare) / 2,
    wordShare: groups.length ? held.length / groups.length : 0,
    direct: Math.min(2, direct) / 2,
    margin: best.mass > 0 ? Math.max(0, best.mass - (runnerUp?.mass ?? 0)) / best.mass : 0,
    known: groups.length ? knownGroups.length / groups.length : 0,
    second: values.length > 1 ? Math.min(1, values[1]! / rare) : 0,
    unknown: total > 0 ? Math.max(0, total - knownMax) / total : 0,
    length: Math.min(1, groups.length / LONG_QUESTION),
  };
}
