import type Database from "better-sqlite3";
import {
  VersionConflict, type DueTimer, type HandoffRepository, type PendingEffect, type RecordedChange,
} from "../core/handoff/handoff-repository.js";
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
    })();
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

  pendingEffects(limit = 100): PendingEffect[] {
    const rows = this.db
      .prepare("SELECT id, handoff_id, effect FROM handoff_outbox WHERE delivered_at IS NULL ORDER BY id LIMIT ?")
      .all(limit) as Array<{ id: number; handoff_id: string; effect: string }>;
    return rows.map((r) => ({ id: r.id, handoffId: r.handoff_id, effect: JSON.parse(r.effect) as HandoffEffect }));
  }

  markDelivered(effectId: number): void {
    this.db.prepare("UPDATE handoff_outbox SET delivered_at = ? WHERE id = ?").run(new Date().toISOString(), effectId);
  }

  dueTimers(now: Date): DueTimer[] {
    const rows = this.db
      .prepare("SELECT handoff_id, kind, due_at FROM handoff_timers WHERE due_at <= ? ORDER BY due_at")
      .all(now.toISOString()) as Array<{ handoff_id: string; kind: DueTimer["kind"]; due_at: string }>;
    return rows.map((r) => ({ handoffId: r.handoff_id, kind: r.kind, dueAt: r.due_at }));
  }

  deleteTimer(handoffId: string, kind: DueTimer["kind"]): void {
    this.db.prepare("DELETE FROM handoff_timers WHERE handoff_id = ? AND kind = ?").run(handoffId, kind);
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
