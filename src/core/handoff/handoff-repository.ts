import type { Handoff, HandoffEffect, HandoffEvent, TimerKind } from "./handoff-types.js";
import { Fault } from "../errors.js";

/** An effect waiting in the outbox to be carried out by a channel adapter. */
export type PendingEffect = { id: number; handoffId: string; effect: HandoffEffect };

export type DueTimer = { handoffId: string; kind: TimerKind; dueAt: string };

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
  findActiveByAsker(channel: string, conversationId: string): Handoff | undefined;
  findByThread(threadRef: string): Handoff | undefined;
  setThreadRef(id: string, threadRef: string): void;
  threadRefOf(id: string): string | undefined;
  list(statuses?: readonly string[]): Handoff[];
  pendingEffects(limit?: number): PendingEffect[];
  markDelivered(effectId: number): void;
  dueTimers(now: Date): DueTimer[];
  deleteTimer(handoffId: string, kind: TimerKind): void;
  auditTrail(id: string): Array<{ type: string; actor?: string; outcome: string; at: string }>;
}

export class VersionConflict extends Fault {
  constructor(readonly handoffId: string) {
    super("handoff_conflict", `handoff ${handoffId} was changed concurrently`);
    this.name = "VersionConflict";
  }
}
