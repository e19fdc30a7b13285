import type { SearchHit } from "./types.js";
import { Fault } from "./errors.js";

/** What the core needs from a full-text index. The embedded SQLite store implements it. */
export interface KnowledgeIndex {
  /** Passages ranked by BM25 over the given index terms (OR semantics), best first. */
  search(terms: readonly QueryTermSpec[], limit: number): SearchHit[];
  /** Number of passages holding each term. */
  documentFrequencies(terms: readonly string[]): Map<string, number>;
  passageCount(): number;
  /** Mean number of index terms in a passage body (for BM25 outside the index). */
  averagePassageLength(): number;
  isKnownTerm(term: string): boolean;
  /** Whether some index term starts with this prefix (a compound's first part). */
  isKnownPrefix(prefix: string): boolean;
  /** The passages with these ids (those that still exist), as hits with score 0. */
  hitsByIds(ids: readonly string[]): SearchHit[];
  /** Index terms held by more than `minPassages` passages, most common first, at most `limit`. */
  commonTerms(minPassages: number, limit: number): string[];
  /** Every index term with its passage count (read once, kept until the store changes). */
  termVocabulary(): ReadonlyMap<string, number>;
}

/** Passages close in meaning to a question (embeddings + a vector index); optional. */
export interface SemanticSearch {
  search(question: string, limit: number): Promise<Array<{ passageId: string; score: number }>>;
}

/** A passage as the language model sees it, numbered from 1. */
export type NumberedPassage = { number: number; source: string; text: string };

/** The model's structured reply, validated: which numbered passages it cites, and whether they answer. */
export type GeneratedAnswer = { answer: string; cited: number[]; answerable: boolean };

/** Why no generated answer came: the daily budget is spent, or the model could not be reached in time. */
export class GenerationUnavailable extends Fault {
  constructor(readonly reason: "budget" | "unavailable", message: string) {
    super(reason === "budget" ? "generation_budget_spent" : "generation_unavailable", message);
    this.name = "GenerationUnavailable";
  }
}

/**
 * A language model that answers from given passages only and rewrites follow-ups; optional. Fails
 * with GenerationUnavailable when it cannot help, so the core can fall back to the offline answer.
 */
export interface AnswerGenerator {
  answer(input: { question: string; passages: NumberedPassage[]; userId: string }): Promise<GeneratedAnswer>;
  /** A follow-up made into a question that stands on its own, with the conversation's earlier questions. */
  rewrite(input: { question: string; earlier: readonly string[]; userId: string }): Promise<string>;
}

/** An index term to search for; `prefix` also matches longer terms that start with it. */
export type QueryTermSpec = { term: string; prefix?: boolean };

/** Where the core records what it could not answer, for maintainers and coordinators. */
export interface QuestionLog {
  record(entry: QuestionLogEntry): void;
}

export type QuestionLogEntry = {
  channel: string;
  /** Who asked, as "<channel>:<user id>" (so their data can be forgotten on request). */
  asker?: string;
  question: string;
  decision: "answer" | "handoff";
  reason: string;
  confidence: number;
  topSource?: string;
};
