/** What the providers need from storage, owned here and implemented in src/store (wired in src/app). */

/** Tokens the language model used, per day and asker, for the optional daily budgets. */
export interface ModelUsage {
  record(userId: string, tokens: number): void;
  /** Today's tokens of one asker, or of everyone without a user id. */
  usedToday(userId?: string): number;
}
