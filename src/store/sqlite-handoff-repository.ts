import type Database from "better-sqlite3";
import {
  VersionConflict, type DeliveryFailure, type DueTimer, type HandoffRepository, type PendingEffect, type RecordedChange, type StuckDelivery,
} from "../core/handoff/handoff-repository.js";
import { stepName } from "../core/handoff/delivery-plan.js";
import type { Handoff, HandoffEffect } from "../core/handoff/handoff-types.js";
import { withoutUnsharedText } from "./unshared-question.js";

const ACTIVE = ["awaiting_consent", "open", "claimed"];

/** Handoffs in the embedded database, with an audit trail, an outbox and persistent timers. */
export class SqliteHandoffRepository implements HandoffRepository {
  constructor(private readonly db: Database.Database) {}

  get(id: string): { handoff: Handoff; version: number } | undefined {
    const row = this.db.prepare("SELECT data, version FROM handoffs WHERE id = ?").get(id) as { data: string; version: number } | undefined;
    return row && { handoff: JSON.parse(row.data) as Handoff, version: row.version };
  }

  hasEventKey(eventKey: string): boolean {
    return this.db.prepare("SELECT 1 FROM handoff_events WHERE event_key = ?").get(eventKey) !== undefined;
  }

  handoffOfEventKey(eventKey: string): Handoff | undefined {
    const id = this.db.prepare("SELECT handoff_id FROM handoff_events WHERE event_key = ?").pluck().get(eventKey) as string | undefined;
    return id === undefined ? undefined : this.get(id)?.handoff;
  }

  eventTypeOfKey(eventKey: string): string | undefined {
    return this.db.prepare("SELECT type FROM handoff_events WHERE event_key = ?").pluck().get(eventKey) as string | undefined;
  }

  record(change: RecordedChange): boolean {
    return this.db.transaction(() => {
      if (change.eventKey && this.hasEventKey(change.eventKey)) return false;
      const handoff = withoutUnsharedText(this.db, change.handoff);
      const now = new Date().toISOString();
      if (change.expectedVersion === undefined) {
        this.db
          .prepare(
            `INSERT INTO handoffs (id, version, status, theme, asker_channel, asker_conversation, data, created_at, updated_at)
             VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(handoff.id, handoff.status, handoff.theme ?? null, handoff.asker.channel, handoff.asker.conversationId, JSON.stringify(handoff), now, now);
      } else {
        const { changes } = this.db
          .prepare("UPDATE handoffs SET version = version + 1, status = ?, data = ?, updated_at = ? WHERE id = ? AND version = ?")
          .run(handoff.status, JSON.stringify(handoff), now, handoff.id, change.expectedVersion);
        if (changes === 0) throw new VersionConflict(handoff.id);
      }
      const { type, ...data } = change.event;
      this.db
        .prepare("INSERT INTO handoff_events (handoff_id, event_key, type, actor, outcome, data, at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .run(handoff.id, change.eventKey ?? null, type, change.actor ?? null, change.outcome, JSON.stringify(data), now);
      if (change.firedTimer) this.deleteTimer(handoff.id, change.firedTimer);
      for (const effect of change.effects) this.applyEffect(handoff.id, effect, now);
      return true;
    }).immediate();
  }

  latestByAsker(channel: string, conversationId: string): Handoff | undefined {
    const row = this.db
      .prepare("SELECT data FROM handoffs WHERE asker_channel = ? AND asker_conversation = ? ORDER BY created_at DESC LIMIT 1")
      .get(channel, conversationId) as { data: string } | undefined;
    return row && (JSON.parse(row.data) as Handoff);
  }

  findActiveByAsker(channel: string, conversationId: string): Handoff | undefined {
    const row = this.db
      .prepare(
        `SELECT data FROM handoffs WHERE asker_channel = ? AND asker_conversation = ?
         AND status IN (${ACTIVE.map(() => "?").join(", ")}) ORDER BY created_at DESC LIMIT 1`,
      )
      .get(channel, conversationId, ...ACTIVE) as { data: string } | undefined;
    return row && (JSON.parse(row.data) as Handoff);
  }

  findByThread(threadRef: string): Handoff | undefined {
    const row = this.db.prepare("SELECT data FROM handoffs WHERE thread_ref = ?").get(threadRef) as { data: string } | undefined;
    return row && (JSON.parse(row.data) as Handoff);
  }

  setThreadRef(id: string, threadRef: string): void {
    this.db.prepare("UPDATE handoffs SET thread_ref = ? WHERE id = ?").run(threadRef, id);
  }

  threadRefOf(id: string): string | undefined {
    return (this.db.prepare("SELECT thread_ref FROM handoffs WHERE id = ?").pluck().get(id) as string | null) ?? undefined;
  }

  list(statuses?: readonly string[]): Handoff[] {
    const rows = statuses?.length
      ? this.db.prepare(`SELECT data FROM handoffs WHERE status IN (${statuses.map(() => "?").join(", ")}) ORDER BY created_at`).all(...statuses)
      : this.db.prepare("SELECT data FROM handoffs ORDER BY created_at").all();
    return (rows as Array<{ data: string }>).map((r) => JSON.parse(r.data) as Handoff);
  }

  pendingEffects(limit = 500): PendingEffect[] {
    const rows = this.db
      .prepare("SELECT id, handoff_id, effect, attempts, next_attempt_at, parked_at FROM handoff_outbox WHERE delivered_at IS NULL ORDER BY id LIMIT ?")
      .all(limit) as Array<{ id: number; handoff_id: string; effect: string; attempts: number; next_attempt_at: string | null; parked_at: string | null }>;
    return rows.map((r) => ({
      id: r.id, handoffId: r.handoff_id, effect: JSON.parse(r.effect) as HandoffEffect, attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at ?? undefined, parkedAt: r.parked_at ?? undefined,
    }));
  }

  beginAttempt(effectId: number): number {
    return this.db.prepare("UPDATE handoff_outbox SET attempts = attempts + 1 WHERE id = ? RETURNING attempts").pluck().get(effectId) as number;
  }

  markDelivered(effectId: number, threadRef?: { handoffId: string; ref: string }): void {
    this.db.transaction(() => {
      if (threadRef) this.setThreadRef(threadRef.handoffId, threadRef.ref);
      this.db.prepare("UPDATE handoff_outbox SET delivered_at = ?, parked_at = NULL WHERE id = ?").run(new Date().toISOString(), effectId);
    }).immediate();
  }

  recordFailure(effectId: number, failure: DeliveryFailure): void {
    this.db.transaction(() => {
      const now = new Date().toISOString();
      const failed = this.db
        .prepare("UPDATE handoff_outbox SET last_error = ?, failed_channel = ?, next_attempt_at = ?, parked_at = CASE WHEN ? THEN coalesce(parked_at, ?) ELSE NULL END WHERE id = ? RETURNING handoff_id")
        .pluck()
        .get(failure.error, failure.channel, failure.retryAt, failure.park ? 1 : 0, now, effectId) as string | undefined;
      if (!failed || !failure.notice) return;
      // Once per handoff and notice: an effect that parks again (every round of attempts) does not tell anyone again.
      const told = this.db.prepare("SELECT 1 FROM handoff_outbox WHERE handoff_id = ? AND effect = ?").get(failed, JSON.stringify(failure.notice));
      if (!told) this.applyEffect(failed, failure.notice, now);
    }).immediate();
  }

  postedRef(effectId: number): string | undefined {
    return (this.db.prepare("SELECT ref FROM handoff_posts WHERE effect_id = ?").pluck().get(effectId) as string | undefined) ?? undefined;
  }

  recordPost(effectId: number, ref: string): void {
    this.db.prepare("INSERT INTO handoff_posts (effect_id, ref, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING").run(effectId, ref, new Date().toISOString());
  }

  dueTimers(now: Date): DueTimer[] {
    const rows = this.db
      .prepare("SELECT handoff_id, kind, due_at, attempts FROM handoff_timers WHERE due_at <= ? AND parked_at IS NULL ORDER BY due_at")
      .all(now.toISOString()) as Array<{ handoff_id: string; kind: DueTimer["kind"]; due_at: string; attempts: number }>;
    return rows.map((r) => ({ handoffId: r.handoff_id, kind: r.kind, dueAt: r.due_at, attempts: r.attempts }));
  }

  deleteTimer(handoffId: string, kind: DueTimer["kind"]): void {
    this.db.prepare("DELETE FROM handoff_timers WHERE handoff_id = ? AND kind = ?").run(handoffId, kind);
  }

  recordTimerFailure(handoffId: string, kind: DueTimer["kind"], failure: Omit<DeliveryFailure, "channel">): void {
    this.db
      .prepare("UPDATE handoff_timers SET attempts = attempts + 1, last_error = ?, due_at = ?, parked_at = CASE WHEN ? THEN ? ELSE NULL END WHERE handoff_id = ? AND kind = ?")
      .run(failure.error, failure.retryAt, failure.park ? 1 : 0, new Date().toISOString(), handoffId, kind);
  }

  stuckDeliveries(): StuckDelivery[] {
    const effects = this.db
      .prepare("SELECT handoff_id, effect, failed_channel, last_error, attempts, parked_at FROM handoff_outbox WHERE delivered_at IS NULL AND parked_at IS NOT NULL ORDER BY id")
      .all() as Array<{ handoff_id: string; effect: string; failed_channel: string | null; last_error: string | null; attempts: number; parked_at: string }>;
    const timers = this.db
      .prepare("SELECT handoff_id, kind, last_error, attempts, parked_at FROM handoff_timers WHERE parked_at IS NOT NULL ORDER BY parked_at")
      .all() as Array<{ handoff_id: string; kind: string; last_error: string | null; attempts: number; parked_at: string }>;
    return [
      ...effects.map((r) => ({
        handoffId: r.handoff_id, step: stepName(JSON.parse(r.effect) as HandoffEffect), channel: r.failed_channel ?? "onbekend",
        lastError: r.last_error ?? "", attempts: r.attempts, since: r.parked_at,
      })),
      ...timers.map((r) => ({ handoffId: r.handoff_id, step: `timer:${r.kind}`, channel: "timer", lastError: r.last_error ?? "", attempts: r.attempts, since: r.parked_at })),
    ];
  }

  retryParked(now: Date): number {
    return this.db.transaction(() => {
      const effects = this.db.prepare("UPDATE handoff_outbox SET parked_at = NULL, next_attempt_at = NULL WHERE delivered_at IS NULL AND parked_at IS NOT NULL").run().changes;
      const timers = this.db.prepare("UPDATE handoff_timers SET parked_at = NULL, due_at = ? WHERE parked_at IS NOT NULL").run(now.toISOString()).changes;
      return effects + timers;
    }).immediate();
  }

  auditTrail(id: string): Array<{ type: string; actor?: string; outcome: string; at: string }> {
    const rows = this.db
      .prepare("SELECT type, actor, outcome, at FROM handoff_events WHERE handoff_id = ? ORDER BY id")
      .all(id) as Array<{ type: string; actor: string | null; outcome: string; at: string }>;
    return rows.map((r) => ({ type: r.type, actor: r.actor ?? undefined, outcome: r.outcome, at: r.at }));
  }

  /** Timer effects change the timer table; all others wait in the outbox for a channel adapter. */
  private applyEffect(handoffId: string, effect: HandoffEffect, now: string): void {
    if (effect.type === "cancel_timers") {
      this.db.prepare("DELETE FROM handoff_timers WHERE handoff_id = ?").run(handoffId);
    } else if (effect.type === "schedule") {
      this.db
        .prepare("INSERT INTO handoff_timers (handoff_id, kind, due_at) VALUES (?, ?, ?) ON CONFLICT(handoff_id, kind) DO UPDATE SET due_at = excluded.due_at")
        .run(handoffId, effect.timer, effect.at);
    } else {
      this.db.prepare("INSERT INTO handoff_outbox (handoff_id, effect, created_at) VALUES (?, ?, ?)").run(handoffId, JSON.stringify(effect), now);
    }
  }
}

