import type Database from "better-sqlite3";

/** Ordered migrations; PRAGMA user_version records how many have run. */
const MIGRATIONS: string[] = [
  `
  CREATE TABLE documents (
    id            TEXT PRIMARY KEY,
    title         TEXT NOT NULL,
    kind          TEXT NOT NULL,
    organisation  TEXT,
    year          TEXT,
    region        TEXT,
    themes        TEXT NOT NULL DEFAULT '[]',
    url           TEXT,
    content_hash  TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL,
    passage_count INTEGER NOT NULL,
    ingested_at   TEXT NOT NULL
  );
  CREATE TABLE passages (
    rowid        INTEGER PRIMARY KEY,
    id           TEXT NOT NULL UNIQUE,
    document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal      INTEGER NOT NULL,
    section      TEXT,
    page         INTEGER,
    text         TEXT NOT NULL,
    terms        TEXT NOT NULL
  );
  CREATE INDEX passages_by_document ON passages(document_id);
  CREATE VIRTUAL TABLE passages_fts USING fts5(
    title, section, body, context,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row');
  CREATE TABLE question_log (
    id          INTEGER PRIMARY KEY,
    asked_at    TEXT NOT NULL,
    channel     TEXT NOT NULL,
    question    TEXT NOT NULL,
    decision    TEXT NOT NULL,
    reason      TEXT NOT NULL,
    confidence  REAL NOT NULL,
    top_source  TEXT
  );
  CREATE INDEX question_log_by_time ON question_log(asked_at);
  `,
];

export function migrate(db: Database.Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[version]!);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
