import type Database from "better-sqlite3";
import type { QuestionLog, QuestionLogEntry } from "../core/ports.js";

export type LoggedQuestion = QuestionLogEntry & { askedAt: string };

/** Questions and what the assistant decided, so maintainers see what the knowledge store lacks. */
export class SqliteQuestionLog implements QuestionLog {
  constructor(private readonly db: Database.Database) {}

  record(entry: QuestionLogEntry): void {
    this.db
      .prepare(
        `INSERT INTO question_log (asked_at, channel, asker, question, decision, reason, confidence, top_source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(new Date().toISOString(), entry.channel, entry.asker ?? null, entry.question, entry.decision, entry.reason, entry.confidence, entry.topSource ?? null);
  }

  /** "Nuttig" / "Niet nuttig" on an answer, stored with the question it answered. */
  recordFeedback(entry: { channel: string; conversationId: string; helpful: boolean; question?: string; userId?: string }): void {
    this.db
      .prepare("INSERT INTO feedback (channel, conversation_id, helpful, question, at, user_id) VALUES (?, ?, ?, ?, ?, ?)")
      .run(entry.channel, entry.conversationId, entry.helpful ? 1 : 0, entry.question ?? null, new Date().toISOString(), entry.userId ?? null);
  }

  feedbackSince(since: Date): { helpful: number; notHelpful: number } {
    const row = this.db
      .prepare("SELECT sum(helpful = 1) AS helpful, sum(helpful = 0) AS notHelpful FROM feedback WHERE at >= ?")
      .get(since.toISOString()) as { helpful: number | null; notHelpful: number | null };
    return { helpful: row.helpful ?? 0, notHelpful: row.notHelpful ?? 0 };
  }

  /** How many questions were asked and handed off since a moment. */
  counts(since: Date): { asked: number; handedOff: number } {
    const row = this.db
      .prepare("SELECT count(*) AS asked, sum(decision = 'handoff') AS handedOff FROM question_log WHERE asked_at >= ?")
      .get(since.toISOString()) as { asked: number; handedOff: number | null };
    return { asked: row.asked, handedOff: row.handedOff ?? 0 };
  }

  /** Handed-off questions since a moment, newest first. */
  unanswered(since: Date, limit = 50): LoggedQuestion[] {
    const rows = this.db
      .prepare(
        `SELECT asked_at, channel, question, decision, reason, confidence, top_source FROM question_log
         WHERE decision = 'handoff' AND asked_at >= ? ORDER BY asked_at DESC LIMIT ?`,
      )
      .all(since.toISOString(), limit) as Array<Record<string, unknown>>;
    return rows.map((r) => ({
      askedAt: String(r.asked_at),
      channel: String(r.channel),
      question: String(r.question),
      decision: r.decision as "answer" | "handoff",
      reason: String(r.reason),
      confidence: Number(r.confidence),
      topSource: r.top_source ? String(r.top_source) : undefined,
    }));
  }
}
