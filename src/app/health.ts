import type Database from "better-sqlite3";
import type { ChannelAdapter, Health } from "../core/channel.js";

/** An undelivered handoff message older than this (or three ticks, if longer) means delivery is stuck. */
const STUCK_AFTER_MS = 5 * 60_000;

/**
 * What a monitor asks of /healthz: the store can be read, every chat platform is connected, and
 * handoff messages are not piling up undelivered in the outbox.
 */
export function createHealthCheck(options: { db: Database.Database; channels: () => readonly ChannelAdapter[]; tickMs: number; now?: () => Date }) {
  const stuckAfterMs = Math.max(STUCK_AFTER_MS, 3 * options.tickMs);
  return (): Health => {
    let store: Health["store"];
    try {
      store = { ok: true, documents: Number(options.db.prepare("SELECT count(*) FROM documents").pluck().get()) };
    } catch (error) {
      store = { ok: false, error: (error as Error).message };
    }
    const channels: Health["channels"] = {};
    for (const channel of options.channels()) channels[channel.name] = { ok: channel.connected ? channel.connected() : true };
    let outbox: Health["outbox"];
    try {
      const row = options.db.prepare("SELECT count(*) AS pending, min(created_at) AS oldest FROM handoff_outbox WHERE delivered_at IS NULL").get() as { pending: number; oldest: string | null };
      const oldestSeconds = row.oldest ? Math.max(0, Math.round(((options.now?.() ?? new Date()).getTime() - Date.parse(row.oldest)) / 1000)) : 0;
      outbox = { ok: oldestSeconds * 1000 < stuckAfterMs, pending: row.pending, oldestSeconds };
    } catch (error) {
      outbox = { ok: false, pending: -1, oldestSeconds: 0, error: (error as Error).message };
    }
    return { ok: store.ok && outbox.ok && Object.values(channels).every((c) => c.ok), store, channels, outbox };
  };
}
