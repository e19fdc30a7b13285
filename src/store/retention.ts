import type Database from "better-sqlite3";
import { anonymiseHandoffs } from "./personal-data.js";
import { anonymiseIntroductionsBefore } from "./sqlite-introduction-repository.js";
import { eraseLessonsBefore } from "./sqlite-lesson-repository.js";

export type RetentionResult = { removed: number; anonymisedHandoffs: number; strippedAuditLines: number };

const FINISHED = "('declined', 'expired', 'resolved')";

/**
 * Forgets what is older than the retention period: questions, conversations, web messages, feedback,
 * delivery ids, token use and delivered outbox messages are deleted; finished handoffs and
 * introductions are anonymised; audit lines stay, stripped of their text and ids. One transaction.
 */
export function applyRetention(db: Database.Database, days: number, now: Date = new Date()): RetentionResult {
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  return db.transaction(() => {
    let removed = 0;
    const remove = (sql: string, ...params: unknown[]) => (removed += db.prepare(sql).run(...params).changes);
    remove("DELETE FROM question_log WHERE asked_at < ?", cutoff);
    remove("DELETE FROM conversation_turns WHERE at < ?", cutoff);
    remove("DELETE FROM web_messages WHERE created_at < ? AND conversation_id NOT LIKE 'handoff:%'", cutoff);
    remove("DELETE FROM feedback WHERE at < ?", cutoff);
    remove("DELETE FROM processed_deliveries WHERE at < ?", cutoff);
    remove("DELETE FROM model_usage WHERE day < ?", cutoff.slice(0, 10));
    remove("DELETE FROM handoff_outbox WHERE delivered_at IS NOT NULL AND delivered_at < ?", cutoff);
    remove("DELETE FROM helper_reply_choices WHERE at < ?", cutoff);
    remove("DELETE FROM team_sessions WHERE expires_at < ?", now.toISOString());
    remove("DELETE FROM initiative_suggestions_shown WHERE at < ?", cutoff);
    // Introductions untouched for that long keep only what the signals count.
    removed += anonymiseIntroductionsBefore(db, cutoff);
    // A lesson kept private or not taken up loses its text and author; an accepted one its author.
    removed += eraseLessonsBefore(db, cutoff);
    const old = db
      .prepare(`SELECT id FROM handoffs WHERE status IN ${FINISHED} AND updated_at < ? AND asker_conversation <> ''`)
      .pluck()
      .all(cutoff) as string[];
    anonymiseHandoffs(db, old);
    const stripped = db
      .prepare("UPDATE handoff_events SET data = '{}', actor = NULL, event_key = NULL WHERE at < ? AND (data <> '{}' OR actor IS NOT NULL OR event_key IS NOT NULL)")
      .run(cutoff).changes;
    return { removed, anonymisedHandoffs: old.length, strippedAuditLines: stripped };
  })();
}
