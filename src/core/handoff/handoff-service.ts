import { deliverableNow, noticeOnPark, retryDelay, stepName, type RetryPolicy } from "./delivery-plan.js";
import { DeliveryError } from "./delivery-error.js";
import { newHandoff, transition } from "./handoff-machine.js";
import { VersionConflict, type HandoffRepository, type PendingEffect } from "./handoff-repository.js";
import type { AskerRef, Handoff, HandoffEffect, HandoffEvent, HandoffPolicy, Person, TimerKind, TransitionResult } from "./handoff-types.js";

/** Who may pick up questions, and whom to mention for a theme. */
export interface Roster {
  isMember(userId: string): boolean;
  route(theme: string | undefined): Person[];
  coordinators(): Person[];
}

/** One effect to carry out, with what a sink needs to carry it out exactly once. */
export type DeliveryInput = {
  /** Stable across re-deliveries after a restart: use it to avoid posting twice. */
  effectId: number;
  handoff: Handoff;
  effect: HandoffEffect;
  threadRef?: string;
  /** 1 for the first try; more when an earlier try failed or was cut off (the post may have landed). */
  attempt: number;
  /** What the sink recorded with `recordPost` on an earlier try: it was posted, do not post again. */
  posted?: string;
  /** Records the posted message's reference at once, before anything else can fail. */
  recordPost(ref: string): void;
};

/** Carries out one effect in the world (a channel adapter, or the knowledge store for learning). */
export interface HandoffEffectSink {
  deliver(input: DeliveryInput): Promise<{ threadRef?: string } | void>;
}

/** Where the service reports deliveries that fail or give up (the app's log). */
export type DeliveryReporter = {
  failed(info: DeliveryReport): void;
  parked(info: DeliveryReport): void;
};
export type DeliveryReport = { handoffId: string; step: string; channel: string; attempt: number; error: string; retryAt: string };

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, firstDelayMs: 5_000, maxDelayMs: 300_000, parkedRetryMs: 3_600_000 };

export type HandoffServiceOptions = {
  repository: HandoffRepository;
  roster: Roster;
  policy: Omit<HandoffPolicy, "coordinators">;
  sink: HandoffEffectSink;
  /** Attempts and backoff per effect and timer; DEFAULT_RETRY when not given. */
  retry?: RetryPolicy;
  reporter?: DeliveryReporter;
  clock?: () => Date;
  newId?: () => string;
};

export type ApplyResult = TransitionResult | { ok: false; code: "duplicate" | "unknown_handoff" };

const CONFLICT_RETRIES = 3;
const TIMER_EVENTS: Record<TimerKind, HandoffEvent> = { consent_timeout: { type: "consent_timeout" }, reminder: { type: "reminder_due" } };

/**
 * Runs the handoff workflow: every event goes through the pure state machine, and its result is
 * persisted (state, audit line, timers, outbox) in one transaction before anything is sent. Effects
 * are delivered from the outbox afterwards, so a crash between the two loses nothing; timers live in
 * the database and fire from there after a restart.
 */
export class HandoffService {
  private readonly clock: () => Date;
  private readonly newId: () => string;
  private delivering: Promise<void> | undefined;

  constructor(private readonly options: HandoffServiceOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
  }

  /** Starts a handoff for a question: the asker is asked for consent first. */
  request(input: { question: string; typed?: string; asker: AskerRef; theme?: string; findings: string[]; eventKey?: string }): Handoff {
    const { handoff, effects } = newHandoff({
      id: this.newId(),
      question: input.question,
      typed: input.typed,
      asker: input.asker,
      theme: input.theme,
      findings: input.findings,
      routedTo: this.options.roster.route(input.theme),
      now: this.clock(),
      policy: this.policy(),
    });
    const recorded = this.options.repository.record({ handoff, event: { type: "created" }, eventKey: input.eventKey, actor: input.asker.userId, outcome: "ok", effects });
    if (recorded) return handoff;
    // The same request delivered again: the handoff it created then is the one.
    const existing = input.eventKey ? this.options.repository.handoffOfEventKey(input.eventKey) : undefined;
    if (!existing) throw new Error(`handoff request ${input.eventKey} was seen before, but its handoff is missing`);
    return existing;
  }

  /** Applies an event; a repeated event key is ignored, a lost race is retried on fresh state. */
  apply(handoffId: string, event: HandoffEvent, eventKey?: string, firedTimer?: TimerKind): ApplyResult {
    const { repository } = this.options;
    if (eventKey && repository.hasEventKey(eventKey)) return { ok: false, code: "duplicate" };
    const checked = this.withRosterCheck(event);
    for (let attempt = 1; ; attempt++) {
      const current = repository.get(handoffId);
      if (!current) return { ok: false, code: "unknown_handoff" };
      const result = transition(current.handoff, checked, { now: this.clock(), policy: this.policy() });
      const stale = result.ok && result.effects.length === 0 && result.handoff === current.handoff;
      try {
        if (stale && firedTimer) repository.deleteTimer(handoffId, firedTimer);
        if (stale && !eventKey) return result;
        const recorded = repository.record({
          handoff: result.handoff,
          expectedVersion: current.version,
          event: checked,
          eventKey,
          actor: actorOf(checked),
          outcome: result.ok ? "ok" : result.code,
          effects: result.ok ? result.effects : [],
          firedTimer,
        });
        return recorded ? result : { ok: false, code: "duplicate" };
      } catch (error) {
        if (!(error instanceof VersionConflict) || attempt >= CONFLICT_RETRIES) throw error;
      }
    }
  }

  /**
   * Fires every timer that is due (also those that fell due while the process was down). A timer
   * that fails is retried with backoff and parks after too many attempts; the others still fire.
   */
  fireDueTimers(): number {
    const { repository } = this.options;
    const due = repository.dueTimers(this.clock());
    for (const timer of due) {
      try {
        this.apply(timer.handoffId, TIMER_EVENTS[timer.kind], undefined, timer.kind);
      } catch (error) {
        const { delayMs, park } = retryDelay(this.retry, timer.attempts + 1);
        const retryAt = new Date(this.clock().getTime() + delayMs).toISOString();
        repository.recordTimerFailure(timer.handoffId, timer.kind, { error: (error as Error).message, retryAt, park });
        const report = { handoffId: timer.handoffId, step: `timer:${timer.kind}`, channel: "timer", attempt: timer.attempts + 1, error: (error as Error).message, retryAt };
        if (park) this.options.reporter?.parked(report);
        else this.options.reporter?.failed(report);
      }
    }
    return due.length;
  }

  /** Delivers what waits in the outbox; one delivery round runs at a time. */
  deliverPending(): Promise<void> {
    this.delivering ??= this.drainOutbox().finally(() => (this.delivering = undefined));
    return this.delivering;
  }

  /** Gives parked deliveries and timers a new round of attempts (at start). */
  retryParked(): number {
    return this.options.repository.retryParked(this.clock());
  }

  /**
   * Each effect is tried on its own, in order: one that fails waits (backoff) and holds up only the
   * later effects of its own handoff and lane; every other handoff goes on. The plan is made again
   * after each delivery (a delivered head frees the notice that waited for it).
   */
  private async drainOutbox(): Promise<void> {
    const { repository } = this.options;
    for (let step = 0; step < 10_000; step++) {
      const [next] = deliverableNow(repository.pendingEffects(), this.clock());
      if (!next) return;
      await this.deliverOne(next);
    }
  }

  private async deliverOne({ id, handoffId, effect }: PendingEffect): Promise<void> {
    const { repository, sink } = this.options;
    const current = repository.get(handoffId);
    if (!current) {
      repository.markDelivered(id);
      return;
    }
    const attempt = repository.beginAttempt(id);
    try {
      const delivered = await sink.deliver({
        effectId: id, handoff: current.handoff, effect, threadRef: repository.threadRefOf(handoffId), attempt,
        posted: repository.postedRef(id), recordPost: (ref) => repository.recordPost(id, ref),
      });
      repository.markDelivered(id, delivered?.threadRef ? { handoffId, ref: delivered.threadRef } : undefined);
    } catch (error) {
      const { delayMs, park } = retryDelay(this.retry, attempt);
      const retryAt = new Date(this.clock().getTime() + delayMs).toISOString();
      const channel = error instanceof DeliveryError ? error.channel : "onbekend";
      const message = (error as Error).message ?? String(error);
      // Who waits for it hears it gave up (delivery-plan.ts): queued with the failure in one transaction,
      // so a stop between the two cannot leave them untold.
      const notice = park ? noticeOnPark(effect) : undefined;
      repository.recordFailure(id, { error: message, channel, retryAt, park, notice });
      const report = { handoffId, step: stepName(effect), channel, attempt, error: message, retryAt };
      if (park) this.options.reporter?.parked(report);
      else this.options.reporter?.failed(report);
    }
  }

  private get retry(): RetryPolicy {
    return this.options.retry ?? DEFAULT_RETRY;
  }

  private policy(): HandoffPolicy {
    return { ...this.options.policy, coordinators: this.options.roster.coordinators() };
  }

  /** Roster membership is decided here, from the roster file, never taken from the caller. */
  private withRosterCheck(event: HandoffEvent): HandoffEvent {
    if (event.type === "claim" || event.type === "tolk_reply") return { ...event, onRoster: this.options.roster.isMember(event.by.userId) };
    return event;
  }
}

function actorOf(event: HandoffEvent): string | undefined {
  if ("by" in event) return typeof event.by === "string" ? event.by : event.by.userId;
  return undefined;
}
