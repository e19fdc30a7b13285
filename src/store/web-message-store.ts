import type Database from "better-sqlite3";
import type { WebMessage, WebMessages } from "../channels/ports.js";

/**
 * Messages the web chat shows outside a direct reply: notices and relayed answers for askers,
 * posts in handoff threads for tolken. A message made by an outbox effect is stored once, however
 * often the effect is delivered (effect_id is unique).
 */
export class WebMessageStore implements WebMessages {
  constructor(private readonly db: Database.Database) {}

  add(conversationId: string, author: string, text: string, effectId?: number, userId?: string): void {
    this.db
      .prepare("INSERT INTO web_messages (conversation_id, effect_id, author, text, created_at, user_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(effect_id) DO NOTHING")
      .run(conversationId, effectId ?? null, author, text, new Date().toISOString(), userId ?? null);
  }

  since(conversationId: string, afterId: number): WebMessage[] {
    const rows = this.db
      .prepare("SELECT id, author, text, created_at FROM web_messages WHERE conversation_id = ? AND id > ? ORDER BY id LIMIT 200")
      .all(conversationId, afterId) as Array<{ id: number; author: string; text: string; created_at: string }>;
    return rows.map((r) => ({ id: r.id, author: r.author, text: r.text, createdAt: r.created_at }));
  }
}
