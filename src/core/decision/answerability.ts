import type { Retrieval } from "../retrieval/retrieve.js";
import { EVIDENCE_NAMES, gatherEvidence, type AnswerEvidence } from "./answer-evidence.js";
import { ANSWERABILITY_MODEL } from "./answerability-model.js";
import { asksAboutNow, asksForChangingDetail } from "./asks-for-live-facts.js";
import { asksAboutRules } from "./asks-about-rules.js";
import { asksForHandsOnHelp } from "./asks-for-hands-on-help.js";

export type Answerability = AnswerEvidence & {
  /** 0..1: how sure the store holds the answer. */
  confidence: number;
  /** A contact detail or opening hours the passages do hold: answered, with a note to check they still hold. */
  datedDetail: boolean;
};

/**
 * Estimates whether the knowledge store answers a question. A raw BM25 threshold is not enough:
 * unanswerable questions share common words with the documents. What tells them apart is whether the
 * rare, topic-bearing words of the question stand together in one passage (and in one or two of its
 * sentences), whether the question leans on words the store has never seen, and whether the detail it
 * asks for (an amount, a date, a phone number) is there at all. The weights are fitted on questions
 * as people type them (see `npm run eval:fit`), with k-fold cross-validation.
 */
export function assessAnswerability(question: string, retrieval: Retrieval): Answerability {
  const evidence = gatherEvidence(question, retrieval);
  const confidence = confidenceOf(evidence);
  // A phone number or opening hours the passage does hold is answered (with a note); asked about now, or missing, a person.
  const datedDetail = !!evidence.liveFacts && !asksAboutNow(question) && asksForChangingDetail(question) && evidence.detailAsked > 0 && evidence.detailMissing === 0;
  const leaning = (evidence.liveFacts && !datedDetail ? LIVE_FACTS_FACTOR : 1) * (asksAboutRules(question) || asksForHandsOnHelp(question) ? RULES_FACTOR : 1);
  return { ...evidence, datedDetail, confidence: confidence * leaning };
}

/**
 * Reports and approaches from the past cannot say who holds an office now or what a phone number is:
 * such a question leans to a person. Set by hand, not fitted: question sets hold too few of them.
 */
const LIVE_FACTS_FACTOR = 0.3;
/**
 * What rules, taxes or insurers require (asks-about-rules.ts) leans to a person too, less strongly: on a
 * grid of 0.6–1, 0.7 raised handoff on unanswerable on the realistic set (0.867 → 0.911) and four check sets
 * (0.880 → 0.920, 0.769 → 0.885, 0.741 → 0.778, 0.783 → 0.870) with no Dutch false handoff more (two
 * English answerable questions of two check sets went to a person: a permit, a tax deduction); 0.6 added some.
 */
export const RULES_FACTOR = 0.7;
// A request to help do the asker's own work (asks-for-hands-on-help.ts: write, fill in, check their plan) leans the same.

/** The logistic model over the evidence. */
export function confidenceOf(evidence: AnswerEvidence, model = ANSWERABILITY_MODEL): number {
  let z = model.bias;
  for (const name of EVIDENCE_NAMES) z += (model.weights[name] ?? 0) * evidence[name];
  return 1 / (1 + Math.exp(-z));
}
