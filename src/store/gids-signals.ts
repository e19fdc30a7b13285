import type Database from "better-sqlite3";
import type { GidsCounts } from "../core/gids/gids-signal-section.js";
import { signalRegion } from "../core/gids/signal-region.js";
import type { SuggestedInitiative } from "../core/gids/suggestion.js";

/** Which initiatives were shown to askers (no question, no asker), and the gids's profiles, counted for the signals. */
export class SqliteGidsSignals {
  constructor(private readonly db: Database.Database, private readonly now: () => Date = () => new Date()) {}

  recordShown(entry: { channel: string; initiatives: readonly SuggestedInitiative[] }): void {
    const insert = this.db.prepare("INSERT INTO initiative_suggestions_shown (initiative_id, channel, themes, region, at) VALUES (?, ?, ?, ?, ?)");
    const at = this.now().toISOString();
    this.db.transaction(() => {
      for (const s of entry.initiatives) insert.run(s.id, entry.channel, JSON.stringify(s.themes), signalRegion(s) ?? null, at);
    })();
  }

  counts(since: Date): GidsCounts {
    const profiles = (this.db.prepare("SELECT data FROM initiatives WHERE status = 'published'").pluck().all() as string[])
      .map((d) => JSON.parse(d) as { themes: string[]; municipality?: string; province?: string; place?: string; contacts: Array<{ contactable: boolean; handles: Record<string, string> }> });
    const suggested = this.db.prepare("SELECT count(*) FROM initiatives WHERE status = 'suggested'").pluck().get() as number;
    const shown = this.db.prepare("SELECT themes, region FROM initiative_suggestions_shown WHERE at >= ?").all(since.toISOString()) as Array<{ themes: string; region: string | null }>;
    return {
      published: profiles.length,
      contactable: profiles.filter((p) => p.contacts.some((c) => c.contactable && Object.keys(c.handles).length)).length,
      suggested,
      profiles: profiles.map((p) => ({ themes: p.themes, region: signalRegion(p) })),
      shown: shown.map((s) => ({ themes: JSON.parse(s.themes) as string[], region: s.region ?? undefined })),
    };
  }
}
