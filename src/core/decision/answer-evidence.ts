import { heldShare, idf, typedShare } from "../retrieval/question-weight.js";
import type { Retrieval, SearchTerm } from "../retrieval/retrieve.js";
import { sentencesOf, sentenceWindows } from "../retrieval/passage-sentences.js";
import { looksLikeVerbForm } from "../text/word-shape.js";
import { stemDutch } from "../text/stem.js";
import { countedStandIns, countedWord, expectedAnswerTypes, holdsAskedDetail, holdsCountOfWord, type AnswerType } from "./answer-type.js";
import { asksForLiveFacts } from "./asks-for-live-facts.js";

/** The evidence the answer-or-handoff decision weighs, each scaled to 0..1. */
export type AnswerEvidence = {
  /** Share of the question's weight (IDF) in the best of the top passages. */
  coverage: number;
  /** Share of the question's weight in words the store has never seen. */
  unknownShare: number;
  /** Share of the top passages that cover the question well. */
  agreement: number;
  /** Share of the question's weight in the best two consecutive sentences of a top passage. */
  sentenceCoverage: number;
  /** 1 when the question's rarest known word (often a name) is in the best passage. */
  rarestInTop: number;
  /** 1 when the question's most specific word (its rarest, unknown ones included) is in none of the top passages. */
  topicMissing: number;
  /** 1 when the question asks for a detail (an amount, a date, a phone number, …). */
  detailAsked: number;
  /** 1 when it asks for a detail and no sentence about the topic in the top passages holds one. */
  detailMissing: number;
  /** The question's own words, as a share of eight (a short question says less about what it asks). */
  length: number;
  /** 1 for questions after current facts or contact details. */
  liveFacts: number;
  /** 1 for a question in English. */
  english: number;
};

export const EVIDENCE_NAMES = [
  "coverage", "unknownShare", "agreement", "sentenceCoverage", "rarestInTop", "topicMissing", "detailMissing", "length",
] as const satisfies ReadonlyArray<keyof AnswerEvidence>;

const TOP_PASSAGES = 3;
/** An unknown verb form counts for this much of an unknown noun (see looksLikeVerbForm). */
const UNKNOWN_VERB_WEIGHT = 0.25;

/** What the top passages show about whether they answer the question. */
export function gatherEvidence(question: string, retrieval: Retrieval): AnswerEvidence {
  const { terms, hits, passageCount } = retrieval;
  const typed = terms.filter((t) => t.origin === "typed");
  const types = expectedAnswerTypes(question);
  const type = types[0];
  const base = { length: Math.min(typed.length, 8) / 8, detailAsked: type ? 1 : 0, liveFacts: asksForLiveFacts(question) ? 1 : 0, english: retrieval.query.language === "en" ? 1 : 0 };
  if (typed.length === 0 || hits.length === 0) {
    return { ...base, coverage: 0, unknownShare: 1, agreement: 0, sentenceCoverage: 0, rarestInTop: 0, topicMissing: 1, detailMissing: type ? 1 : 0 };
  }
  const top = hits.slice(0, TOP_PASSAGES);
  const topTerms = top.map((hit) => new Set(hit.passage.terms));
  const coverages = topTerms.map((held) => typedShare(held, terms, passageCount));
  const weight = (t: SearchTerm) => idf(t.df, passageCount);
  const total = typed.reduce((sum, t) => sum + weight(t), 0);

  // A word the store lacks counts against, less so when a synonym, translation or correction stands in.
  let unknown = 0;
  for (const t of typed) {
    if (t.df > 0 || terms.some((p) => p.origin === "compound-part" && p.word === t.word)) continue;
    const standIn = Math.max(0, ...terms.filter((p) => p.origin !== "typed" && p.origin !== "compound-part" && p.word === t.word).map((p) => p.weight));
    unknown += weight(t) * (1 - standIn) * (looksLikeVerbForm(t.word) ? UNKNOWN_VERB_WEIGHT : 1);
  }

  // The best two consecutive sentences, and whether the sentences about the topic hold the detail asked.
  let sentenceCoverage = 0;
  const windows = top.flatMap((hit) => sentenceWindows(sentencesOf(hit), 2)).map((w) => {
    const held = new Set(w.sentences.flatMap((s) => [...s.terms]));
    const share = typedShare(held, terms, passageCount);
    sentenceCoverage = Math.max(sentenceCoverage, share);
    return { share, held, text: w.sentences.map((s) => s.text).join(" ") };
  });
  // The detail must stand beside the thing asked about: a count before the counted word, otherwise in
  // the same two sentences as the question's most specific word.
  const counted = types.includes("count") ? countedWord(question) : undefined;
  const standIns = counted ? countedStandIns(terms, counted) : [];
  // The anchor is the rarest noun the top passages hold: a word that only stands elsewhere in the store
  // ("zon" typed for "zo'n") says nothing about where the detail should be.
  const anchor = [...typed]
    .filter((t) => t.df > 0 && !looksLikeVerbForm(t.word) && topTerms.some((held) => heldShare(held, t, terms) > 0))
    .sort((a, b) => a.df - b.df)[0];
  // Every detail asked must stand there ("wanneer … en wat kost …": a date and an amount).
  const holdsDetail = (asked: AnswerType) => windows.some((w) => {
    if (w.share <= 0 || w.share < 0.5 * sentenceCoverage) return false;
    if (asked === "count" && counted) return holdsCountOfWord(w.text, counted, stemDutch, standIns);
    return (!anchor || heldShare(w.held, anchor, terms) > 0) && holdsAskedDetail(question, asked, w.text);
  });
  const detailMissing = types.some((asked) => !holdsDetail(asked)) ? 1 : 0;

  const known = typed.filter((t) => t.df > 0).sort((a, b) => a.df - b.df);
  const rarest = known[0];
  const rarestInTop = rarest && new Set(top[0]!.passage.terms).has(rarest.term) ? 1 : 0;

  // The most specific noun the asker typed (verb forms say little about the topic) must be somewhere on top.
  const specific = [...typed].filter((t) => !looksLikeVerbForm(t.word)).sort((a, b) => a.df - b.df)[0];
  const topicMissing = specific && !topTerms.some((held) => heldShare(held, specific, terms) > 0) ? 1 : 0;

  return {
    ...base,
    topicMissing,
    coverage: Math.max(...coverages),
    unknownShare: total > 0 ? unknown / total : 1,
    agreement: coverages.filter((c) => c >= 0.5).length / TOP_PASSAGES,
    sentenceCoverage,
    rarestInTop,
    detailMissing,
  };
}

