/** The introductions' tables (issue 16): state, audit, outbox, posts and timers, as for handoffs. Its own migration, after the gids'. */
export const INTRODUCTION_TABLES = `
  -- Introductions (issue 16): asker and an initiative's contact, brought together with consent on both sides.
  CREATE TABLE introductions (
    id              TEXT PRIMARY KEY,
    version         INTEGER NOT NULL,
    status          TEXT NOT NULL,
    initiative_id   TEXT NOT NULL,
    asker_platform  TEXT NOT NULL,
    asker_id        TEXT NOT NULL,
    contact_platform TEXT NOT NULL,
    contact_id      TEXT NOT NULL,
    data            TEXT NOT NULL,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
  );
  CREATE INDEX introductions_by_asker ON introductions(asker_platform, asker_id, initiative_id);
  CREATE INDEX introductions_by_contact ON introductions(contact_platform, contact_id);
  CREATE INDEX introductions_by_time ON introductions(created_at);
  CREATE TABLE introduction_events (
    id               INTEGER PRIMARY KEY,
    introduction_id  TEXT NOT NULL REFERENCES introductions(id),
    event_key        TEXT UNIQUE,
    type             TEXT NOT NULL,
    actor            TEXT,
    outcome          TEXT NOT NULL,
    at               TEXT NOT NULL
  );
  CREATE INDEX introduction_events_by_intro ON introduction_events(introduction_id, id);
  CREATE TABLE introduction_outbox (
    id               INTEGER PRIMARY KEY,
    introduction_id  TEXT NOT NULL REFERENCES introductions(id),
    effect           TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    delivered_at     TEXT,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TEXT,
    last_error       TEXT,
    failed_channel   TEXT,
    parked_at        TEXT
  );
  CREATE INDEX introduction_outbox_pending ON introduction_outbox(delivered_at, id);
  CREATE TABLE introduction_posts (
    effect_id  INTEGER PRIMARY KEY REFERENCES introduction_outbox(id),
    ref        TEXT NOT NULL,
    at         TEXT NOT NULL
  );
  CREATE TABLE introduction_timers (
    introduction_id  TEXT NOT NULL REFERENCES introductions(id),
    kind             TEXT NOT NULL,
    due_at           TEXT NOT NULL,
    attempts         INTEGER NOT NULL DEFAULT 0,
    last_error       TEXT,
    parked_at        TEXT,
    PRIMARY KEY (introduction_id, kind)
  );
`;
