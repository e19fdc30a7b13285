import type Database from "better-sqlite3";
import type { HelperReplyChoices } from "../core/conversation.js";

/** Askers who chose to write to the person helping them: their next message goes there (survives a restart). */
export class SqliteHelperReplyChoices implements HelperReplyChoices {
  constructor(private readonly db: Database.Database) {}

  choose(channel: string, conversationId: string, handoffId: string): void {
    this.db
      .prepare("INSERT INTO helper_reply_choices (channel, conversation_id, handoff_id, at) VALUES (?, ?, ?, ?) ON CONFLICT (channel, conversation_id) DO UPDATE SET handoff_id = excluded.handoff_id, at = excluded.at")
      .run(channel, conversationId, handoffId, new Date().toISOString());
  }

  peek(channel: string, conversationId: string): string | undefined {
    return this.db.prepare("SELECT handoff_id FROM helper_reply_choices WHERE channel = ? AND conversation_id = ?").pluck().get(channel, conversationId) as string | undefined;
  }

  take(channel: string, conversationId: string): string | undefined {
    const row = this.db
      .prepare("DELETE FROM helper_reply_choices WHERE channel = ? AND conversation_id = ? RETURNING handoff_id")
      .pluck()
      .get(channel, conversationId) as string | undefined;
    return row;
  }
}
