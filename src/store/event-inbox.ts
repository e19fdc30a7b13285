import type Database from "better-sqlite3";
import type { EventInbox } from "../channels/ports.js";

const KEEP_DONE_DAYS = 7;

/** Platform events in the embedded database from before their acknowledgement until handled; then their key only. */
export class SqliteEventInbox implements EventInbox {
  private readonly boot = crypto.randomUUID();

  constructor(private readonly db: Database.Database) {
    const before = new Date(Date.now() - KEEP_DONE_DAYS * 86_400_000).toISOString();
    db.prepare("DELETE FROM event_inbox WHERE done_at IS NOT NULL AND done_at < ?").run(before);
    // Handled events of older versions kept their body (a question, a name): it is not needed for anything.
    db.prepare("UPDATE event_inbox SET body = '' WHERE done_at IS NOT NULL AND body <> ''").run();
    // Slack events kept before each platform's entries had a prefix: they are Slack's.
    db.prepare("UPDATE event_inbox SET key = 'slack:' || key WHERE done_at IS NULL AND instr(key, ':') = 0").run();
  }

  take(key: string, body: unknown, person?: string): boolean {
    const taken = this.db
      .prepare(
        `INSERT INTO event_inbox (key, body, boot, received_at, person) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(key) DO UPDATE SET boot = excluded.boot WHERE done_at IS NULL AND boot != excluded.boot
         RETURNING key`,
      )
      .get(key, JSON.stringify(body), this.boot, new Date().toISOString(), person ?? null);
    return taken !== undefined;
  }

  takeUnfinished(keyPrefix: string): Array<{ key: string; body: unknown }> {
    const rows = this.db
      .prepare("UPDATE event_inbox SET boot = ? WHERE done_at IS NULL AND boot != ? AND substr(key, 1, length(?)) = ? RETURNING key, body, received_at")
      .all(this.boot, this.boot, keyPrefix, keyPrefix) as Array<{ key: string; body: string; received_at: string }>;
    return rows.sort((a, b) => a.received_at.localeCompare(b.received_at)).map((r) => ({ key: r.key, body: JSON.parse(r.body) as unknown }));
  }

  rewrite(key: string, body: unknown, person?: string): void {
    this.db.prepare("UPDATE event_inbox SET body = ?, person = coalesce(?, person) WHERE key = ? AND done_at IS NULL").run(JSON.stringify(body), person ?? null, key);
  }

  kept(key: string): unknown {
    const body = this.db.prepare("SELECT body FROM event_inbox WHERE key = ? AND done_at IS NULL").pluck().get(key) as string | undefined;
    return body ? (JSON.parse(body) as unknown) : undefined;
  }

  /** Handled: only the key stays (for the days a platform may deliver it again), not what it said nor who. */
  done(key: string): void {
    this.db.prepare("UPDATE event_inbox SET done_at = ?, body = '', person = NULL WHERE key = ?").run(new Date().toISOString(), key);
  }
}
