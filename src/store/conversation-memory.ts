import type Database from "better-sqlite3";
import type { ConversationMemory } from "../core/conversation.js";

/** Earlier questions of a conversation (a Slack thread, a web chat), kept for follow-ups. */
export class SqliteConversationMemory implements ConversationMemory {
  constructor(private readonly db: Database.Database) {}

  remember(channel: string, conversationId: string, question: string, userId?: string): void {
    this.db
      .prepare("INSERT INTO conversation_turns (channel, conversation_id, question, at, user_id) VALUES (?, ?, ?, ?, ?)")
      .run(channel, conversationId, question, new Date().toISOString(), userId ?? null);
  }

  recent(channel: string, conversationId: string, userId: string, limit: number): string[] {
    const rows = this.db
      .prepare("SELECT question FROM conversation_turns WHERE channel = ? AND conversation_id = ? AND user_id = ? ORDER BY id DESC LIMIT ?")
      .pluck()
      .all(channel, conversationId, userId, limit) as string[];
    return rows.reverse();
  }

  /** The latest question this person asked in the conversation (a thread may hold several people's). */
  latestOf(channel: string, conversationId: string, userId: string): string | undefined {
    return this.db
      .prepare("SELECT question FROM conversation_turns WHERE channel = ? AND conversation_id = ? AND user_id = ? ORDER BY id DESC LIMIT 1")
      .pluck()
      .get(channel, conversationId, userId) as string | undefined;
  }
}
