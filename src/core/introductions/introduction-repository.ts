import { Fault } from "../errors.js";
import type { Introduction, IntroductionEffect, IntroductionEvent, IntroTimer } from "./introduction-types.js";

/** An effect waiting in the introductions' outbox. */
export type PendingIntroEffect = {
  id: number;
  introductionId: string;
  effect: IntroductionEffect;
  attempts: number;
  nextAttemptAt?: string;
  parkedAt?: string;
};

export type DueIntroTimer = { introductionId: string; kind: IntroTimer; dueAt: string; attempts: number };

export type IntroChange = {
  intro: Introduction;
  /** The version it was read at; undefined for a new introduction. */
  expectedVersion?: number;
  event: IntroductionEvent | { type: "created" };
  /** A delivery id (Slack trigger, Discord interaction id): a repeat of it is ignored. */
  eventKey?: string;
  actor?: string;
  outcome: string;
  effects: IntroductionEffect[];
  firedTimer?: IntroTimer;
};

/** Persistence of introductions: every change, its audit line, its timers and its outbox, in one transaction. */
export interface IntroductionRepository {
  get(id: string): { intro: Introduction; version: number } | undefined;
  /** False when the event key was seen before (nothing written). Throws IntroVersionConflict on a lost race. */
  record(change: IntroChange): boolean;
  hasEventKey(eventKey: string): boolean;
  introOfEventKey(eventKey: string): Introduction | undefined;
  /** An asker's introduction to an initiative that is still under way (choosing or requested). */
  findActive(asker: { platform: string; userId: string }, initiativeId: string): Introduction | undefined;
  /** When this asker was last declined by this initiative (its "liever niet"), if ever. */
  lastDeclinedAt(asker: { platform: string; userId: string }, initiativeId: string): string | undefined;
  /** Introductions created since a moment (for the signals). */
  listSince(since: string): Introduction[];
  pendingEffects(limit?: number): PendingIntroEffect[];
  beginAttempt(effectId: number): number;
  markDelivered(effectId: number): void;
  recordFailure(effectId: number, failure: { error: string; channel: string; retryAt: string; park: boolean }): void;
  postedRef(effectId: number): string | undefined;
  recordPost(effectId: number, ref: string): void;
  dueTimers(now: Date): DueIntroTimer[];
  deleteTimer(introductionId: string, kind: IntroTimer): void;
  recordTimerFailure(introductionId: string, kind: IntroTimer, failure: { error: string; retryAt: string; park: boolean }): void;
  retryParked(now: Date): number;
  auditTrail(id: string): Array<{ type: string; actor?: string; outcome: string; at: string }>;
  /** Removes a person's personal data from introductions (the question, names, ids); returns how many were touched. */
  forgetPerson(platform: string, userId: string): number;
}

export class IntroVersionConflict extends Fault {
  constructor(readonly introductionId: string) {
    super("introduction_conflict", `introduction ${introductionId} was changed concurrently`);
    this.name = "IntroVersionConflict";
  }
}
