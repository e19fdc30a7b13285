import type { SearchTerm } from "../retrieval/search-term.js";
import { FIELD_WEIGHTS, fieldHolds, type IndexedProfile, type ProfileField } from "./gids-index.js";
import type { FieldWeights } from "./field-emphasis.js";

/** One topic word of a question, with its alternatives (synonyms, compound parts, …) and what it can weigh. */
export type TopicGroup = { word: string; max: number; terms: SearchTerm[]; weights: Map<SearchTerm, number> };

/** What a profile holds of one topic word: its value, and the field and term that gave it. */
export type HeldWord = { word: string; value: number; field?: ProfileField; term?: string; weight?: number };

/** How much of one question word a profile holds: by the word itself, its compound's parts, or its best alternative. */
export function heldWord(p: IndexedProfile, group: TopicGroup, weights: FieldWeights = FIELD_WEIGHTS): HeldWord {
  const value = (t: SearchTerm) => {
    const field = bestField(p, t, weights);
    return { v: field ? weights[field] * (group.weights.get(t) ?? 0) : 0, field };
  };
  let best: HeldWord = { word: group.word, value: 0 };
  const parts = group.terms.filter((t) => t.origin === "compound-part");
  if (parts.length) {
    const values = parts.map((t) => ({ t, ...value(t) }));
    const sum = values.reduce((s, x) => s + x.v, 0) / parts.length;
    const top = values.find((x) => x.v > 0);
    if (sum > 0) best = { word: group.word, value: sum, field: top?.field, term: top?.t.term, weight: 1 };
  }
  for (const t of group.terms) {
    if (t.origin === "compound-part") continue;
    const { v, field } = value(t);
    if (t.weight * v > best.value) best = { word: group.word, value: t.weight * v, field, term: t.term, weight: t.weight };
  }
  return { ...best, value: Math.min(best.value, group.max) };
}

function bestField(p: IndexedProfile, t: SearchTerm, weights: FieldWeights): ProfileField | undefined {
  let best: ProfileField | undefined;
  for (const [f, weight] of Object.entries(weights) as Array<[ProfileField, number]>) {
    if ((!best || weight > weights[best]) && fieldHolds(p.fields[f], t.term, t.prefix)) best = f;
  }
  return best;
}
