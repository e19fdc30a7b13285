import type { SearchHit } from "./types.js";

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
}

/** An index term to search for; `prefix` also matches longer terms that start with it. */
export type QueryTermSpec = { term: string; prefix?: boolean };

/** Where the core records what it could not answer, for maintainers and coordinators. */
export interface QuestionLog {
  record(entry: QuestionLogEntry): void;
}

export type QuestionLogEntry = {
  channel: string;
  question: string;
  decision: "answer" | "handoff";
  reason: string;
  confidence: number;
  topSource?: string;
};
