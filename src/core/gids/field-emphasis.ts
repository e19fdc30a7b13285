import { foldDiacritics } from "../text/fold.js";
import { FIELD_WEIGHTS, type ProfileField } from "./gids-index.js";

export type FieldWeights = Readonly<Record<ProfileField, number>>;

/**
 * What an initiative is and does today (its description) answers a question that asks who does something now
 * ("wie doet zoiets?", "is er ergens een groep die…", "zijn er dorpen waar…", "is there a group that…") as well as
 * what it has done: there the description counts as its themes do. A question after experience ("wie heeft dat
 * gedaan?") keeps the default, where what an initiative is says less than what it has done.
 */
export const DOING_NOW_DESCRIPTION = 0.85;

const ASKS_WHO_DOES = [
  /\bwie doet (er )?(zoiets|dat|dit|zo iets|iets)\b/,
  /\b(is|zijn) er (ergens |nog |al )?(een |ook )?(groep|groepen|clubje|club|dorp|dorpen|mensen|vrijwilligers|plek|plekken|initiatief|initiatieven|organisatie|organisaties)\b/,
  /\bis er ergens\b/,
  /\bbestaan er\b/,
  /\b(is|are) there (a|any|anywhere|groups?|people|volunteers|villages?)\b/,
];

/** The field weights for a question: the description counts more when it asks who does something now. */
export function fieldWeightsFor(question: string): FieldWeights {
  const folded = foldDiacritics(question.toLowerCase());
  if (ASKS_WHO_DOES.some((p) => p.test(folded))) return { ...FIELD_WEIGHTS, description: Math.max(FIELD_WEIGHTS.description, DOING_NOW_DESCRIPTION) };
  return FIELD_WEIGHTS;
}
