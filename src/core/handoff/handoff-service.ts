import { newHandoff, transition } from "./handoff-machine.js";
import { VersionConflict, type HandoffRepository } from "./handoff-repository.js";
import type { AskerRef, Handoff, HandoffEffect, HandoffEvent, HandoffPolicy, Person, TimerKind, TransitionResult } from "./handoff-types.js";

/** Who may pick up questions, and whom to mention for a theme. */
export interface Roster {
  isMember(userId: string): boolean;
  route(theme: string | undefined): Person[];
  coordinators(): Person[];
}

/** Carries out one effect in the world (a channel adapter, or the knowledge store for learning). */
export interface HandoffEffectSink {
  /** `effectId` is stable across re-deliveries after a restart: use it to avoid posting twice. */
  deliver(input: { effectId: number; handoff: Handoff; effect: HandoffEffect; threadRef?: string }): Promise<{ threadRef?: string } | void>;
}

export type HandoffServiceOptions = {
  repository: HandoffRepository;
  roster: Roster;
  policy: Omit<HandoffPolicy, "coordinators">;
  sink: HandoffEffectSink;
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
  request(input: { question: string; asker: AskerRef; theme?: string; findings: string[]; eventKey?: string }): Handoff {
    const { handoff, effects } = newHandoff({
      id: this.newId(),
      question: input.question,
      asker: input.asker,
      theme: input.theme,
      findings: input.findings,
      routedTo: this.options.roster.route(input.theme),
      now: this.clock(),
      policy: this.policy(),
    });
    this.options.repository.record({ handoff, event: { type: "created" }, eventKey: input.eventKey, actor: input.asker.userId, outcome: "ok", effects });
    return handoff;
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

  /** Fires every timer that is due (also those that fell due while the process was down). */
  fireDueTimers(): number {
    const due = this.options.repository.dueTimers(this.clock());
    for (const timer of due) this.apply(timer.handoffId, TIMER_EVENTS[timer.kind], undefined, timer.kind);
    return due.length;
  }

  /** Delivers what waits in the outbox, in order; one delivery runs at a time. */
  deliverPending(): Promise<void> {
    this.delivering ??= this.drainOutbox().finally(() => (this.delivering = undefined));
    return this.delivering;
  }

  private async drainOutbox(): Promise<void> {
    const { repository, sink } = this.options;
    for (;;) {
      const pending = repository.pendingEffects(50);
      if (pending.length === 0) return;
      for (const { id, handoffId, effect } of pending) {
        const current = repository.get(handoffId);
        if (!current) {
          repository.markDelivered(id);
          continue;
        }
        const delivered = await sink.deliver({ effectId: id, handoff: current.handoff, effect, threadRef: repository.threadRefOf(handoffId) });
        if (delivered?.threadRef) repository.setThreadRef(handoffId, delivered.threadRef);
        repository.markDelivered(id);
      }
    }
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
