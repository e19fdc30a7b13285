/** Which delivery a fault point is applied to. */
export type Step = "consent" | "head" | "relay";

/** How many of each message one handoff ended with, counted from a fake's own record. */
export type Counts = Record<string, number>;

export type Run = { handoffId: string };

/** One handoff driven on a platform the way its people and servers would, step by step. */
export interface HandoffFlow {
  ask(): Promise<Run>;
  /** The asker presses "Ja, deel mijn vraag" (resolves when the platform has sent it). */
  share(run: Run): Promise<void>;
  /** The press has gone out to the app. */
  waitPressSent(run: Run): Promise<void>;
  /** The platform holds the app's acknowledgement of the press. */
  waitConsentAcknowledged(run: Run): Promise<void>;
  waitShared(run: Run): Promise<void>;
  claim(run: Run): Promise<void>;
  tolkReply(run: Run, text: string): Promise<void>;
  waitRelayed(run: Run): Promise<void>;
  close(run: Run): Promise<void>;
  waitClosed(run: Run): Promise<void>;
  /** Whether a request reaching the fake is this handoff's head, or a relayed answer to its asker. */
  isHead(request: unknown, run: Run): boolean;
  isRelay(request: unknown, run: Run): boolean;
  counts(run: Run): Counts;
}
