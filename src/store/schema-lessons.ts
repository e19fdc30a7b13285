/** The learning loop of introductions (issue 16): lessons and their audit trail. Its own migration, after the introductions'. */
export const LESSON_TABLES = `
  -- What someone learned from an introduction, private until they share it with the coordinators.
  CREATE TABLE introduction_lessons (
    id               TEXT PRIMARY KEY,
    introduction_id  TEXT NOT NULL REFERENCES introductions(id),
    role             TEXT NOT NULL,
    author_platform  TEXT NOT NULL,
    author_id        TEXT NOT NULL,
    status           TEXT NOT NULL,
    version          INTEGER NOT NULL,
    data             TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    UNIQUE (introduction_id, role)
  );
  CREATE INDEX introduction_lessons_by_author ON introduction_lessons(author_platform, author_id);
  CREATE INDEX introduction_lessons_by_status ON introduction_lessons(status, updated_at);
  CREATE TABLE lesson_events (
    id          INTEGER PRIMARY KEY,
    lesson_id   TEXT NOT NULL,
    event_key   TEXT UNIQUE,
    type        TEXT NOT NULL,
    actor       TEXT,
    outcome     TEXT NOT NULL,
    at          TEXT NOT NULL
  );
  CREATE INDEX lesson_events_by_lesson ON lesson_events(lesson_id, id);
`;
