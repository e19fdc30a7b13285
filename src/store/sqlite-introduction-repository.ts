import type Database from "better-sqlite3";
import {
  IntroVersionConflict, type DueIntroTimer, type IntroChange, type IntroductionRepository, type PendingIntroEffect,
} from "../core/introductions/introduction-repository.js";
import type { Introduction, IntroductionEffect, IntroTimer } from "../core/introductions/introduction-types.js";

const ACTIVE = ["choosing", "requested"];
const FORGOTTEN = "vergeten";

/** Introductions in the embedded database, with an audit trail, an outbox and persistent timers. */
export class SqliteIntroductionRepository implements IntroductionRepository {
  constructor(private readonly db: Database.Database) {}

  get(id: string): { intro: Introduction; version: number } | undefined {
    const row = this.db.prepare("SELECT data, version FROM introductions WHERE id = ?").get(id) as { data: string; version: number } | undefined;
    return row && { intro: JSON.parse(row.data) as Introduction, version: row.version };
  }

  hasEventKey(eventKey: string): boolean {
    return this.db.prepare("SELECT 1 FROM introduction_events WHERE event_key = ?").get(eventKey) !== undefined;
  }

  introOfEventKey(eventKey: string): Introduction | undefined {
    const id = this.db.prepare("SELECT introduction_id FROM introduction_events WHERE event_key = ?").pluck().get(eventKey) as string | undefined;
    return id === undefined ? undefined : this.get(id)?.intro;
  }

  record(change: IntroChange): boolean {
    return this.db.transaction(() => {
      if (change.eventKey && this.hasEventKey(change.eventKey)) return false;
      const { intro } = change;
      const now = new Date().toISOString();
      if (change.expectedVersion === undefined) {
        this.db
          .prepare(
            `INSERT INTO introductions (id, version, status, initiative_id, asker_platform, asker_id, contact_platform, contact_id, data, created_at, updated_at)
             VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(intro.id, intro.status, intro.initiativeId, intro.asker.platform, intro.asker.userId, intro.contact.platform, intro.contact.userId, JSON.stringify(intro), intro.createdAt, now);
      } else {
        const { changes } = this.db
          .prepare("UPDATE introductions SET version = version + 1, status = ?, data = ?, updated_at = ? WHERE id = ? AND version = ?")
          .run(intro.status, JSON.stringify(intro), now, intro.id, change.expectedVersion);
        if (changes === 0) throw new IntroVersionConflict(intro.id);
      }
      this.db
        .prepare("INSERT INTO introduction_events (introduction_id, event_key, type, actor, outcome, at) VALUES (?, ?, ?, ?, ?, ?)")
        .run(intro.id, change.eventKey ?? null, change.event.type, change.actor ?? null, change.outcome, now);
      if (change.firedTimer) this.deleteTimer(intro.id, change.firedTimer);
      for (const effect of change.effects) this.applyEffect(intro.id, effect, now);
      return true;
    }).immediate();
  }

  findActive(asker: { platform: string; userId: string }, initiativeId: string): Introduction | undefined {
    const row = this.db
      .prepare(
        `SELECT data FROM introductions WHERE asker_platform = ? AND asker_id = ? AND initiative_id = ?
         AND status IN (${ACTIVE.map(() => "?").join(", ")}) ORDER BY created_at DESC LIMIT 1`,
      )
      .get(asker.platform, asker.userId, initiativeId, ...ACTIVE) as { data: string } | undefined;
    return row && (JSON.parse(row.data) as Introduction);
  }

  lastDeclinedAt(asker: { platform: string; userId: string }, initiativeId: string): string | undefined {
    return this.db
      .prepare("SELECT max(updated_at) FROM introductions WHERE asker_platform = ? AND asker_id = ? AND initiative_id = ? AND status = 'declined'")
      .pluck()
      .get(asker.platform, asker.userId, initiativeId) as string | undefined ?? undefined;
  }

  listSince(since: string): Introduction[] {
    const rows = this.db.prepare("SELECT data FROM introductions WHERE created_at >= ? ORDER BY created_at").all(since) as Array<{ data: string }>;
    return rows.map((r) => JSON.parse(r.data) as Introduction);
  }

  pendingEffects(limit = 500): PendingIntroEffect[] {
    const rows = this.db
      .prepare("SELECT id, introduction_id, effect, attempts, next_attempt_at, parked_at FROM introduction_outbox WHERE delivered_at IS NULL ORDER BY id LIMIT ?")
      .all(limit) as Array<{ id: number; introduction_id: string; effect: string; attempts: number; next_attempt_at: string | null; parked_at: string | null }>;
    return rows.map((r) => ({
      id: r.id, introductionId: r.introduction_id, effect: JSON.parse(r.effect) as IntroductionEffect, attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at ?? undefined, parkedAt: r.parked_at ?? undefined,
    }));
  }

  beginAttempt(effectId: number): number {
    return this.db.prepare("UPDATE introduction_outbox SET attempts = attempts + 1 WHERE id = ? RETURNING attempts").pluck().get(effectId) as number;
  }

  markDelivered(effectId: number): void {
    this.db.prepare("UPDATE introduction_outbox SET delivered_at = ?, parked_at = NULL WHERE id = ?").run(new Date().toISOString(), effectId);
  }

  recordFailure(effectId: number, failure: { error: string; channel: string; retryAt: string; park: boolean }): void {
    this.db
      .prepare("UPDATE introduction_outbox SET last_error = ?, failed_channel = ?, next_attempt_at = ?, parked_at = CASE WHEN ? THEN coalesce(parked_at, ?) ELSE NULL END WHERE id = ?")
      .run(failure.error, failure.channel, failure.retryAt, failure.park ? 1 : 0, new Date().toISOString(), effectId);
  }

  postedRef(effectId: number): string | undefined {
    return (this.db.prepare("SELECT ref FROM introduction_posts WHERE effect_id = ?").pluck().get(effectId) as string | undefined) ?? undefined;
  }

  recordPost(effectId: number, ref: string): void {
    this.db.prepare("INSERT INTO introduction_posts (effect_id, ref, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING").run(effectId, ref, new Date().toISOString());
  }

  dueTimers(now: Date): DueIntroTimer[] {
    const rows = this.db
      .prepare("SELECT introduction_id, kind, due_at, attempts FROM introduction_timers WHERE due_at <= ? AND parked_at IS NULL ORDER BY due_at")
      .all(now.toISOString()) as Array<{ introduction_id: string; kind: IntroTimer; due_at: string; attempts: number }>;
    return rows.map((r) => ({ introductionId: r.introduction_id, kind: r.kind, dueAt: r.due_at, attempts: r.attempts }));
  }

  deleteTimer(introductionId: string, kind: IntroTimer): void {
    this.db.prepare("DELETE FROM introduction_timers WHERE introduction_id = ? AND kind = ?").run(introductionId, kind);
  }

  recordTimerFailure(introductionId: string, kind: IntroTimer, failure: { error: string; retryAt: string; park: boolean }): void {
    this.db
      .prepare("UPDATE introduction_timers SET attempts = attempts + 1, last_error = ?, due_at = ?, parked_at = CASE WHEN ? THEN ? ELSE NULL END WHERE introduction_id = ? AND kind = ?")
      .run(failure.error, failure.retryAt, failure.park ? 1 : 0, new Date().toISOString(), introductionId, kind);
  }

  retryParked(now: Date): number {
    return this.db.transaction(() => {
      const effects = this.db.prepare("UPDATE introduction_outbox SET parked_at = NULL, next_attempt_at = NULL WHERE delivered_at IS NULL AND parked_at IS NOT NULL").run().changes;
      const timers = this.db.prepare("UPDATE introduction_timers SET parked_at = NULL, due_at = ? WHERE parked_at IS NOT NULL").run(now.toISOString()).changes;
      return effects + timers;
    }).immediate();
  }

  auditTrail(id: string): Array<{ type: string; actor?: string; outcome: string; at: string }> {
    const rows = this.db
      .prepare("SELECT type, actor, outcome, at FROM introduction_events WHERE introduction_id = ? ORDER BY id")
      .all(id) as Array<{ type: string; actor: string | null; outcome: string; at: string }>;
    return rows.map((r) => ({ type: r.type, actor: r.actor ?? undefined, outcome: r.outcome, at: r.at }));
  }

  /**
   * Forgets a person in their introductions: the question, names and ids go; what is left (status,
   * theme, region, dates) still counts in the signals. Nothing more is sent for those introductions.
   */
  forgetPerson(platform: string, userId: string): number {
    return this.db.transaction(() => {
      const rows = this.db
        .prepare("SELECT id, data FROM introductions WHERE (asker_platform = ? AND asker_id = ?) OR (contact_platform = ? AND contact_id = ?)")
        .all(platform, userId, platform, userId) as Array<{ id: string; data: string }>;
      for (const row of rows) anonymiseIntroduction(this.db, row);
      return rows.length;
    }).immediate();
  }

  /** Timer effects change the timer table; all others wait in the outbox for a channel adapter. */
  private applyEffect(introductionId: string, effect: IntroductionEffect, now: string): void {
    if (effect.type === "cancel_timers") {
      this.db.prepare("DELETE FROM introduction_timers WHERE introduction_id = ?").run(introductionId);
    } else if (effect.type === "schedule") {
      this.db
        .prepare("INSERT INTO introduction_timers (introduction_id, kind, due_at) VALUES (?, ?, ?) ON CONFLICT(introduction_id, kind) DO UPDATE SET due_at = excluded.due_at, attempts = 0, parked_at = NULL")
        .run(introductionId, effect.timer, effect.at);
    } else {
      this.db.prepare("INSERT INTO introduction_outbox (introduction_id, effect, created_at) VALUES (?, ?, ?)").run(introductionId, JSON.stringify(effect), now);
    }
  }
}

/**
 * Keeps of an introduction only what the signals count (status, theme, region, times): the question,
 * both people's names and ids go, its unsent messages are dropped and its timers stop. For
 * `kennis -- vergeet` and for retention.
 */
export function anonymiseIntroduction(db: Database.Database, row: { id: string; data: string }): void {
  const intro = JSON.parse(row.data) as Introduction;
  const forgotten: Introduction = {
    ...intro,
    status: intro.status === "choosing" || intro.status === "requested" ? "cancelled" : intro.status,
    question: "",
    asker: { platform: intro.asker.platform, userId: FORGOTTEN, name: FORGOTTEN, conversationId: FORGOTTEN },
    contact: { platform: intro.contact.platform, userId: FORGOTTEN, name: FORGOTTEN },
  };
  db.prepare("UPDATE introductions SET version = version + 1, status = ?, asker_id = ?, contact_id = ?, data = ?, updated_at = ? WHERE id = ?")
    .run(forgotten.status, FORGOTTEN, FORGOTTEN, JSON.stringify(forgotten), new Date().toISOString(), row.id);
  db.prepare("UPDATE introduction_events SET actor = NULL WHERE introduction_id = ?").run(row.id);
  db.prepare("UPDATE introduction_outbox SET delivered_at = coalesce(delivered_at, ?) WHERE introduction_id = ?").run(new Date().toISOString(), row.id);
  db.prepare("DELETE FROM introduction_timers WHERE introduction_id = ?").run(row.id);
}

/** Introductions last changed before `cutoff`, not yet anonymised (retention). */
export function anonymiseIntroductionsBefore(db: Database.Database, cutoff: string): number {
  const rows = db.prepare("SELECT id, data FROM introductions WHERE updated_at < ? AND asker_id <> ?").all(cutoff, FORGOTTEN) as Array<{ id: string; data: string }>;
  for (const row of rows) anonymiseIntroduction(db, row);
  return rows.length;
}
