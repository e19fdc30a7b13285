import type { Handoff, HandoffEffect, HandoffEvent, TimerKind } from "./handoff-types.js";
import { Fault } from "../errors.js";

/** An effect waiting in the outbox to be carried out by a channel adapter. */
export type PendingEffect = {
  id: number;
  handoffId: string;
  effect: HandoffEffect;
  /** Tries begun so far (counted before each try, so a try cut off by a crash counts too). */
  attempts: number;
  /** Not before this moment (backoff after a failure); undefined: at once. */
  nextAttemptAt?: string;
  /** Set when the effect gave up after too many attempts ("vastgelopen"). */
  parkedAt?: string;
};

export type DueTimer = { handoffId: string; kind: TimerKind; dueAt: string; attempts: number };

/** A delivery or timer that gave up after too many attempts: shown to the team, in the signals and in the log. */
export type StuckDelivery = {
  handoffId: string;
  /** The effect type ("open_thread", "tell_asker:claimed"…) or "timer:<kind>". */
  step: string;
  /** Where it was going: "slack", "discord", "web", "kennisbank", or "timer". */
  channel: string;
  lastError: string;
  attempts: number;
  since: string;
};

export type DeliveryFailure = {
  error: string;
  channel: string;
  retryAt: string;
  park: boolean;
  /** A notice (for the asker, or the writer of a parked answer), queued in the same transaction as the failure, once per handoff and notice (never twice, however often it parks). */
  notice?: HandoffEffect;
};

export type RecordedChange = {
  handoff: Handoff;
  /** The state it was read at (optimistic concurrency); undefined for a new handoff. */
  expectedVersion?: number;
  event: HandoffEvent | { type: "created" };
  /** A delivery id (Slack event id, Discord interaction id…): a repeat of it is ignored. */
  eventKey?: string;
  actor?: string;
  outcome: string;
  effects: HandoffEffect[];
  /** The timer whose firing caused this change: it is removed (unless the effects schedule it again). */
  firedTimer?: TimerKind;
};

/** Persistence of handoffs: every change, its audit line, its timers and its outbox, in one transaction. */
export interface HandoffRepository {
  get(id: string): { handoff: Handoff; version: number } | undefined;
  /** False when the event key was seen before (nothing written). Throws VersionConflict on a lost race. */
  record(change: RecordedChange): boolean;
  hasEventKey(eventKey: string): boolean;
  /** The handoff an event key was recorded for. */
  handoffOfEventKey(eventKey: string): Handoff | undefined;
  /** The type of the event recorded under a key ("asker_reply", …), if any. */
  eventTypeOfKey(eventKey: string): string | undefined;
  findActiveByAsker(channel: string, conversationId: string): Handoff | undefined;
  /** The asker's most recent handoff in a conversation, whatever its status. */
  latestByAsker(channel: string, conversationId: string): Handoff | undefined;
  findByThread(threadRef: string): Handoff | undefined;
  setThreadRef(id: string, threadRef: string): void;
  threadRefOf(id: string): string | undefined;
  list(statuses?: readonly string[]): Handoff[];
  /** Undelivered effects in order, parked ones included (they hold up later effects of their handoff). */
  pendingEffects(limit?: number): PendingEffect[];
  /** Counts a try before it is made; returns the attempt number (1 for the first). */
  beginAttempt(effectId: number): number;
  /** Done; with the thread a head message opened, in the same transaction. */
  markDelivered(effectId: number, threadRef?: { handoffId: string; ref: string }): void;
  /** Records a failed try (and its notice, if any) in one transaction. */
  recordFailure(effectId: number, failure: DeliveryFailure): void;
  /** What a channel posted for an effect, recorded right after posting. */
  postedRef(effectId: number): string | undefined;
  recordPost(effectId: number, ref: string): void;
  /** Due timers that are not parked. */
  dueTimers(now: Date): DueTimer[];
  deleteTimer(handoffId: string, kind: TimerKind): void;
  recordTimerFailure(handoffId: string, kind: TimerKind, failure: Omit<DeliveryFailure, "channel">): void;
  stuckDeliveries(): StuckDelivery[];
  /** Gives parked deliveries and timers a new round of attempts (at start, after the cause may be fixed). */
  retryParked(now: Date): number;
  auditTrail(id: string): Array<{ type: string; actor?: string; outcome: string; at: string }>;
}

export class VersionConflict extends Fault {
  constructor(readonly handoffId: string) {
    super("handoff_conflict", `handoff ${handoffId} was changed concurrently`);
    this.name = "VersionConflict";
  }
}
