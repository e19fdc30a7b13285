import type { InitiativeProfile } from "../../src/core/gids/initiative.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";

/** A published profile of an initiative with one contact, saved in the app's own database file. */
export function saveProfile(databasePath: string, profile: { id: string; name: string; contact: { name: string; handles: Record<string, string>; contactable: boolean } } & Partial<InitiativeProfile>): InitiativeProfile {
  const db = openDatabase(databasePath);
  try {
    const { contact, ...rest } = profile;
    return new SqliteInitiativeDirectory(db).save({
      place: "Lopik", municipality: "Lopik", province: "Utrecht", themes: ["mobiliteit"],
      description: "Dorpshuis met een buurtbus voor ouderen.", experience: "Een buurtbus opzetten met vrijwillige chauffeurs, sinds 2019.", seeking: "",
      ...rest, contacts: [contact], status: "published",
    }, { platform: "test", userId: "setup" });
  } finally {
    db.close();
  }
}

/** Polls until a condition holds (conditions, not sleeps, for a loaded machine). */
export async function eventually<T>(find: () => T | undefined, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined && found !== false) return found;
    if (Date.now() > until) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
