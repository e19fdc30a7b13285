import type Database from "better-sqlite3";
import type { IntroRole } from "../core/introductions/introduction-types.js";
import { LessonVersionConflict, type LessonChange, type LessonRepository } from "../core/introductions/lesson-repository.js";
import type { Lesson } from "../core/introductions/lesson-types.js";

const FORGOTTEN = "vergeten";
type Row = { data: string; version: number };

/** Lessons from introductions in the embedded database, with an audit trail. */
export class SqliteLessonRepository implements LessonRepository {
  constructor(private readonly db: Database.Database) {}

  get(id: string): { lesson: Lesson; version: number } | undefined {
    return parsed(this.db.prepare("SELECT data, version FROM introduction_lessons WHERE id = ?").get(id) as Row | undefined);
  }

  of(introductionId: string, role: IntroRole): { lesson: Lesson; version: number } | undefined {
    return parsed(this.db.prepare("SELECT data, version FROM introduction_lessons WHERE introduction_id = ? AND role = ?").get(introductionId, role) as Row | undefined);
  }

  hasEventKey(eventKey: string): boolean {
    return this.db.prepare("SELECT 1 FROM lesson_events WHERE event_key = ?").get(eventKey) !== undefined;
  }

  record(change: LessonChange): boolean {
    return this.db.transaction(() => {
      if (change.eventKey && this.hasEventKey(change.eventKey)) return false;
      const { lesson } = change;
      const now = new Date().toISOString();
      if (change.expectedVersion === undefined) {
        this.db
          .prepare(
            `INSERT INTO introduction_lessons (id, introduction_id, role, author_platform, author_id, status, version, data, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
          )
          .run(lesson.id, lesson.introductionId, lesson.role, lesson.author.platform, lesson.author.userId, lesson.status, JSON.stringify(lesson), lesson.createdAt, now);
      } else {
        const { changes } = this.db
          .prepare("UPDATE introduction_lessons SET version = version + 1, status = ?, data = ?, updated_at = ? WHERE id = ? AND version = ?")
          .run(lesson.status, JSON.stringify(lesson), now, lesson.id, change.expectedVersion);
        if (changes === 0) throw new LessonVersionConflict(lesson.id);
      }
      this.insertAudit(lesson.id, { type: change.type, actor: change.actor, outcome: change.outcome, eventKey: change.eventKey }, now);
      return true;
    }).immediate();
  }

  audit(lessonId: string, line: { type: string; actor?: string; outcome: string; eventKey?: string }): void {
    this.insertAudit(lessonId, line, new Date().toISOString());
  }

  proposed(): Lesson[] {
    return this.list("SELECT data FROM introduction_lessons WHERE status = 'proposed' ORDER BY updated_at");
  }

  unwritten(): Lesson[] {
    return this.list("SELECT data FROM introduction_lessons WHERE status = 'accepted' AND json_extract(data, '$.document') IS NULL ORDER BY updated_at");
  }

  listSince(since: string): Lesson[] {
    return this.list("SELECT data FROM introduction_lessons WHERE created_at >= ? ORDER BY created_at", since);
  }

  auditTrail(id: string): Array<{ type: string; actor?: string; outcome: string; at: string }> {
    const rows = this.db.prepare("SELECT type, actor, outcome, at FROM lesson_events WHERE lesson_id = ? ORDER BY id").all(id) as Array<{ type: string; actor: string | null; outcome: string; at: string }>;
    return rows.map((r) => ({ type: r.type, actor: r.actor ?? undefined, outcome: r.outcome, at: r.at }));
  }

  private insertAudit(lessonId: string, line: { type: string; actor?: string; outcome: string; eventKey?: string }, at: string): void {
    this.db
      .prepare("INSERT INTO lesson_events (lesson_id, event_key, type, actor, outcome, at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(event_key) DO NOTHING")
      .run(lessonId, line.eventKey ?? null, line.type, line.actor ?? null, line.outcome, at);
  }

  private list(sql: string, ...params: unknown[]): Lesson[] {
    return (this.db.prepare(sql).all(...params) as Array<{ data: string }>).map((r) => JSON.parse(r.data) as Lesson);
  }
}

function parsed(row: Row | undefined): { lesson: Lesson; version: number } | undefined {
  return row && { lesson: JSON.parse(row.data) as Lesson, version: row.version };
}

/**
 * Forgets a person's lessons: who wrote them goes everywhere; the text of one that is not in the
 * knowledge store (private, proposed or rejected) goes too. An accepted lesson's text is already a
 * knowledge document without names, so its row keeps it. Returns how many lessons were touched.
 */
export function forgetLessonsOf(db: Database.Database, platform: string, userId: string): number {
  const ids = db.prepare("SELECT id FROM introduction_lessons WHERE author_platform = ? AND author_id = ?").pluck().all(platform, userId) as string[];
  for (const id of ids) eraseLesson(db, id);
  return ids.length;
}

/**
 * Retention: a lesson its author kept to themselves, or one the coordinators did not take up, loses
 * its text and author once untouched for the retention time; an accepted one loses its author.
 */
export function eraseLessonsBefore(db: Database.Database, cutoff: string): number {
  const ids = db
    .prepare("SELECT id FROM introduction_lessons WHERE updated_at < ? AND status <> 'proposed' AND author_id <> ?")
    .pluck()
    .all(cutoff, FORGOTTEN) as string[];
  for (const id of ids) eraseLesson(db, id);
  return ids.length;
}

/** Erases one lesson's author (and its text unless accepted); a proposed one is withdrawn from the coordinators. */
function eraseLesson(db: Database.Database, id: string): void {
  const row = db.prepare("SELECT data FROM introduction_lessons WHERE id = ?").get(id) as { data: string };
  const lesson = JSON.parse(row.data) as Lesson;
  const keepsText = lesson.status === "accepted";
  const erased: Lesson = {
    ...lesson,
    author: { platform: lesson.author.platform, userId: FORGOTTEN },
    text: keepsText ? lesson.text : "",
    status: lesson.status === "proposed" ? "private" : lesson.status,
    shared: lesson.status === "proposed" ? false : lesson.shared,
  };
  db.prepare("UPDATE introduction_lessons SET version = version + 1, status = ?, author_id = ?, data = ?, updated_at = ? WHERE id = ?")
    .run(erased.status, FORGOTTEN, JSON.stringify(erased), new Date().toISOString(), id);
  db.prepare("UPDATE lesson_events SET actor = NULL WHERE lesson_id = ?").run(id);
}
