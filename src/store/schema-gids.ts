/** The initiatievengids's tables: profiles, who is a contact where, the audit, and suggestions shown (for the signals). */
export const GIDS_SCHEMA = `
  -- The initiatievengids: one row per initiative profile (the profile as JSON, versioned for concurrent edits).
  CREATE TABLE initiatives (
    id          TEXT PRIMARY KEY,
    version     INTEGER NOT NULL,
    status      TEXT NOT NULL,
    name        TEXT NOT NULL,
    data        TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    created_by  TEXT,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
  );
  CREATE INDEX initiatives_by_status ON initiatives(status, name);
  -- Who is a contact of which initiative, per platform: finds a person's own initiatives and forgets them.
  CREATE TABLE initiative_members (
    initiative_id TEXT NOT NULL REFERENCES initiatives(id) ON DELETE CASCADE,
    platform      TEXT NOT NULL,
    user_id       TEXT NOT NULL,
    PRIMARY KEY (initiative_id, platform, user_id)
  );
  CREATE INDEX initiative_members_by_user ON initiative_members(platform, user_id);
  -- The audit of the gids: who changed which fields of which profile, when (field names only, no values).
  CREATE TABLE initiative_events (
    id            INTEGER PRIMARY KEY,
    initiative_id TEXT NOT NULL,
    version       INTEGER NOT NULL,
    action        TEXT NOT NULL,
    actor         TEXT,
    fields        TEXT NOT NULL,
    at            TEXT NOT NULL
  );
  CREATE INDEX initiative_events_by_initiative ON initiative_events(initiative_id, id);
  -- Each initiative suggested under an answer (for the signals: per theme and region), without the question.
  CREATE TABLE initiative_suggestions_shown (
    id            INTEGER PRIMARY KEY,
    initiative_id TEXT NOT NULL,
    channel       TEXT NOT NULL,
    themes        TEXT NOT NULL,
    region        TEXT,
    at            TEXT NOT NULL
  );
  CREATE INDEX initiative_suggestions_shown_by_time ON initiative_suggestions_shown(at);
  `;
