import type Database from "better-sqlite3";
import type { InitiativeDirectory, InitiativeProfile, PlatformUser, ProfileDraft } from "../core/gids/initiative.js";
import { ProfileConflict, profileSlug, validDraft } from "../core/gids/profile-rules.js";
import { UserError } from "../core/errors.js";
import { changedFields, publishProblem } from "../core/gids/profile-changes.js";

/** One change of a profile in the audit: who (as "<platform>:<id>"), when, which fields. */
export type ProfileEvent = { initiativeId: string; version: number; action: string; actor?: string; fields: string[]; at: string };

const person = (user: PlatformUser) => `${user.platform}:${user.userId}`;

/**
 * The initiatievengids in the embedded database: a versioned row per profile (optimistic concurrency),
 * an index of who is a contact where, and an audit line per change (field names, never values).
 */
export class SqliteInitiativeDirectory implements InitiativeDirectory {
  constructor(private readonly db: Database.Database, private readonly now: () => Date = () => new Date()) {}

  get(id: string): InitiativeProfile | undefined {
    const row = this.db.prepare("SELECT data FROM initiatives WHERE id = ?").pluck().get(id) as string | undefined;
    return row === undefined ? undefined : (JSON.parse(row) as InitiativeProfile);
  }

  list(options: { includeSuggested?: boolean } = {}): InitiativeProfile[] {
    const sql = options.includeSuggested
      ? "SELECT data FROM initiatives ORDER BY name COLLATE NOCASE, id"
      : "SELECT data FROM initiatives WHERE status = 'published' ORDER BY name COLLATE NOCASE, id";
    return (this.db.prepare(sql).pluck().all() as string[]).map((d) => JSON.parse(d) as InitiativeProfile);
  }

  save(draft: ProfileDraft, by: PlatformUser, expectedVersion?: number): InitiativeProfile {
    const clean = validDraft(draft);
    return this.db.transaction(() => {
      const existing = clean.id ? this.get(clean.id) : undefined;
      const id = clean.id ?? profileSlug(clean.name, clean.place ?? clean.municipality);
      if (!clean.id && this.get(id)) {
        throw new UserError("profile_exists", `Er staat al een initiatief "${clean.name}"${clean.place ? ` in ${clean.place}` : ""} in de gids. Pas dat profiel aan in plaats van een nieuw te maken.`);
      }
      if (existing && expectedVersion !== undefined && existing.version !== expectedVersion) throw new ProfileConflict(existing.name);
      const status = clean.status ?? existing?.status ?? "published";
      const problem = publishProblem(existing?.status, status, clean.contacts);
      if (problem) throw new UserError("profile_unconfirmed", problem);
      const at = this.now().toISOString();
      const { id: _draftId, status: _status, ...fields } = clean;
      const next: InitiativeProfile = {
        ...fields,
        id,
        status,
        version: (existing?.version ?? 0) + 1,
        updatedAt: at,
        updatedBy: person(by),
      };
      if (status !== "suggested") delete next.suggestedFrom;
      const changed = changedFields(existing, next);
      if (existing && changed.length === 0) return existing; // the same save again (a re-import) changes nothing
      if (existing) {
        this.db.prepare("UPDATE initiatives SET version = ?, status = ?, name = ?, data = ?, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?")
          .run(next.version, status, next.name, JSON.stringify(next), at, next.updatedBy, id, existing.version);
      } else {
        this.db.prepare("INSERT INTO initiatives (id, version, status, name, data, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .run(id, next.version, status, next.name, JSON.stringify(next), at, next.updatedBy, at, next.updatedBy);
      }
      this.indexMembers(next);
      const action = !existing ? "created" : existing.status === "suggested" && status === "published" ? "confirmed" : "updated";
      this.audit(id, next.version, action, next.updatedBy, existing ? changed : ["*"], at);
      return next;
    })();
  }

  remove(id: string, by: PlatformUser): boolean {
    return this.db.transaction(() => {
      const existing = this.get(id);
      if (!existing) return false;
      this.db.prepare("DELETE FROM initiatives WHERE id = ?").run(id);
      this.audit(id, existing.version + 1, "removed", person(by), ["*"], this.now().toISOString());
      return true;
    })();
  }

  ofMember(user: PlatformUser): InitiativeProfile[] {
    const ids = this.db.prepare("SELECT initiative_id FROM initiative_members WHERE platform = ? AND user_id = ? ORDER BY initiative_id")
      .pluck().all(user.platform, user.userId) as string[];
    return ids.map((id) => this.get(id)).filter((p): p is InitiativeProfile => p !== undefined);
  }

  forgetPerson(user: PlatformUser): number {
    const ref = person(user);
    return this.db.transaction(() => {
      let changed = 0;
      const at = this.now().toISOString();
      for (const profile of this.ofMember(user)) {
        const contacts = profile.contacts.filter((c) => c.handles[user.platform] !== user.userId);
        const createdBy = this.db.prepare("SELECT created_by FROM initiatives WHERE id = ?").pluck().get(profile.id) as string | null;
        if (contacts.length === 0 && createdBy === ref) {
          this.db.prepare("DELETE FROM initiatives WHERE id = ?").run(profile.id);
          this.audit(profile.id, profile.version + 1, "removed", undefined, ["*"], at);
        } else {
          const next = { ...profile, contacts, version: profile.version + 1, updatedAt: at, updatedBy: "vergeten" };
          this.db.prepare("UPDATE initiatives SET version = ?, data = ?, updated_at = ?, updated_by = ? WHERE id = ?")
            .run(next.version, JSON.stringify(next), at, next.updatedBy, profile.id);
          this.indexMembers(next);
          this.audit(profile.id, next.version, "forgotten", undefined, ["contacts"], at);
        }
        changed++;
      }
      // The person's traces as an editor: their id goes from the audit and from profiles they last edited.
      this.db.prepare("UPDATE initiative_events SET actor = NULL WHERE actor = ?").run(ref);
      for (const row of this.db.prepare("SELECT id, data FROM initiatives WHERE updated_by = ? OR created_by = ?").all(ref, ref) as Array<{ id: string; data: string }>) {
        const data = { ...(JSON.parse(row.data) as InitiativeProfile), updatedBy: "vergeten" };
        this.db.prepare("UPDATE initiatives SET data = ?, updated_by = CASE updated_by WHEN ? THEN 'vergeten' ELSE updated_by END, created_by = CASE created_by WHEN ? THEN NULL ELSE created_by END WHERE id = ?")
          .run(JSON.stringify(data), ref, ref, row.id);
      }
      return changed;
    })();
  }

  /** The audit of one profile, oldest first. */
  history(id: string): ProfileEvent[] {
    return (this.db.prepare("SELECT initiative_id, version, action, actor, fields, at FROM initiative_events WHERE initiative_id = ? ORDER BY id").all(id) as Array<{
      initiative_id: string; version: number; action: string; actor: string | null; fields: string; at: string;
    }>).map((r) => ({ initiativeId: r.initiative_id, version: r.version, action: r.action, actor: r.actor ?? undefined, fields: JSON.parse(r.fields) as string[], at: r.at }));
  }

  /** Changes whenever any profile changes (also from another process): a cache of the gids compares it. */
  revision(): string {
    const row = this.db.prepare("SELECT coalesce(max(id), 0) AS last, (SELECT count(*) FROM initiatives) AS n FROM initiative_events").get() as { last: number; n: number };
    return `${row.last}:${row.n}`;
  }

  private indexMembers(profile: InitiativeProfile): void {
    this.db.prepare("DELETE FROM initiative_members WHERE initiative_id = ?").run(profile.id);
    const insert = this.db.prepare("INSERT OR IGNORE INTO initiative_members (initiative_id, platform, user_id) VALUES (?, ?, ?)");
    for (const contact of profile.contacts) for (const [platform, userId] of Object.entries(contact.handles)) insert.run(profile.id, platform, userId);
  }

  private audit(id: string, version: number, action: string, actor: string | undefined, fields: string[], at: string): void {
    this.db.prepare("INSERT INTO initiative_events (initiative_id, version, action, actor, fields, at) VALUES (?, ?, ?, ?, ?, ?)")
      .run(id, version, action, actor ?? null, JSON.stringify(fields), at);
  }
}
