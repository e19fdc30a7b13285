import type Database from "better-sqlite3";
import type { DeliveryMemory } from "../channels/ports.js";

/**
 * Remembers which platform deliveries (Slack event ids, Discord message ids) were handled, so a
 * retried or duplicated delivery never produces a second answer, also after a restart.
 */
export class DeliveryLog implements DeliveryMemory {
  constructor(private readonly db: Database.Database) {}

  /** True the first time a delivery is seen; false for every repeat. */
  firstTime(channel: string, deliveryId: string): boolean {
    const { changes } = this.db
      .prepare("INSERT INTO processed_deliveries (channel, delivery_id, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
      .run(channel, deliveryId, new Date().toISOString());
    return changes > 0;
  }

  forget(channel: string, deliveryId: string): void {
    this.db.prepare("DELETE FROM processed_deliveries WHERE channel = ? AND delivery_id = ?").run(channel, deliveryId);
  }

  /** Whether a delivery (or any other marker, such as a thread the bot answered in) was recorded. */
  has(channel: string, deliveryId: string): boolean {
    return this.db.prepare("SELECT 1 FROM processed_deliveries WHERE channel = ? AND delivery_id = ?").get(channel, deliveryId) !== undefined;
  }
}
