import type Database from "better-sqlite3";
import { INTRODUCTION_TABLES } from "./schema-introductions.js";
import { GIDS_SCHEMA } from "./schema-gids.js";
import { LESSON_TABLES } from "./schema-lessons.js";
import { INBOX_PERSON } from "./schema-inbox-person.js";

/** Ordered migrations; PRAGMA user_version records how many have run. */
export const MIGRATIONS: string[] = [
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
  `
  CREATE TABLE handoffs (
    id                 TEXT PRIMARY KEY,
    version            INTEGER NOT NULL,
    status             TEXT NOT NULL,
    theme              TEXT,
    asker_channel      TEXT NOT NULL,
    asker_conversation TEXT NOT NULL,
    thread_ref         TEXT,
    data               TEXT NOT NULL,
    created_at         TEXT NOT NULL,
    updated_at         TEXT NOT NULL
  );
  CREATE INDEX handoffs_by_asker ON handoffs(asker_channel, asker_conversation);
  CREATE INDEX handoffs_by_status ON handoffs(status);
  CREATE UNIQUE INDEX handoffs_by_thread ON handoffs(thread_ref) WHERE thread_ref IS NOT NULL;
  CREATE TABLE handoff_events (
    id          INTEGER PRIMARY KEY,
    handoff_id  TEXT NOT NULL REFERENCES handoffs(id),
    event_key   TEXT UNIQUE,
    type        TEXT NOT NULL,
    actor       TEXT,
    outcome     TEXT NOT NULL,
    data        TEXT NOT NULL,
    at          TEXT NOT NULL
  );
  CREATE INDEX handoff_events_by_handoff ON handoff_events(handoff_id, id);
  CREATE TABLE handoff_outbox (
    id           INTEGER PRIMARY KEY,
    handoff_id   TEXT NOT NULL REFERENCES handoffs(id),
    effect       TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    delivered_at TEXT
  );
  CREATE INDEX handoff_outbox_pending ON handoff_outbox(delivered_at, id);
  CREATE TABLE handoff_timers (
    handoff_id  TEXT NOT NULL REFERENCES handoffs(id),
    kind        TEXT NOT NULL,
    due_at      TEXT NOT NULL,
    PRIMARY KEY (handoff_id, kind)
  );
  CREATE INDEX handoff_timers_due ON handoff_timers(due_at);
  `,
  `
  CREATE TABLE web_messages (
    id              INTEGER PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    effect_id       INTEGER UNIQUE,
    author          TEXT NOT NULL,
    text            TEXT NOT NULL,
    created_at      TEXT NOT NULL
  );
  CREATE INDEX web_messages_by_conversation ON web_messages(conversation_id, id);
  `,
  `
  CREATE TABLE feedback (
    id              INTEGER PRIMARY KEY,
    channel         TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    helpful         INTEGER NOT NULL,
    question        TEXT,
    at              TEXT NOT NULL
  );
  CREATE TABLE conversation_turns (
    id              INTEGER PRIMARY KEY,
    channel         TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    question        TEXT NOT NULL,
    at              TEXT NOT NULL
  );
  CREATE INDEX conversation_turns_by_conversation ON conversation_turns(channel, conversation_id, id);
  CREATE TABLE processed_deliveries (
    channel      TEXT NOT NULL,
    delivery_id  TEXT NOT NULL,
    at           TEXT NOT NULL,
    PRIMARY KEY (channel, delivery_id)
  );
  `,
  `
  -- Which passages are in the vector index (embedded or Pinecone), with which model and text, so
  -- that embedding is incremental and resumable and deletions reach the index.
  CREATE TABLE vector_ledger (
    rowid       INTEGER PRIMARY KEY,
    passage_id  TEXT NOT NULL,
    target      TEXT NOT NULL,
    model       TEXT NOT NULL,
    text_hash   TEXT NOT NULL,
    UNIQUE (target, passage_id)
  );
  -- Tokens used by the language model per day and asker, for the optional budgets.
  CREATE TABLE model_usage (
    day      TEXT NOT NULL,
    user_id  TEXT NOT NULL,
    tokens   INTEGER NOT NULL,
    PRIMARY KEY (day, user_id)
  );
  `,
  `
  -- Facts about the store itself, such as the version of the text analysis its index terms come from.
  CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );
  `,
  `
  -- How many index terms each passage body has, for BM25's average length without reading every text.
  ALTER TABLE passages ADD COLUMN term_count INTEGER NOT NULL DEFAULT 0;
  UPDATE passages SET term_count = CASE WHEN terms = '' THEN 0 ELSE length(terms) - length(replace(terms, ' ', '')) + 1 END;
  CREATE INDEX passages_by_term_count ON passages(term_count);
  `,
  `
  -- Delivery per effect: attempts (counted before each try), backoff, and a parked state after too many.
  ALTER TABLE handoff_outbox ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE handoff_outbox ADD COLUMN next_attempt_at TEXT;
  ALTER TABLE handoff_outbox ADD COLUMN last_error TEXT;
  ALTER TABLE handoff_outbox ADD COLUMN failed_channel TEXT;
  ALTER TABLE handoff_outbox ADD COLUMN parked_at TEXT;
  ALTER TABLE handoff_timers ADD COLUMN attempts INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE handoff_timers ADD COLUMN last_error TEXT;
  ALTER TABLE handoff_timers ADD COLUMN parked_at TEXT;
  -- What a channel posted for an effect (its message reference), so a retry finds it instead of posting again.
  CREATE TABLE handoff_posts (
    effect_id  INTEGER PRIMARY KEY REFERENCES handoff_outbox(id),
    ref        TEXT NOT NULL,
    at         TEXT NOT NULL
  );
  `,
  `
  -- Platform events from before their acknowledgement until handled, so a crash in between loses none.
  CREATE TABLE event_inbox (
    key         TEXT PRIMARY KEY,
    body        TEXT NOT NULL,
    boot        TEXT NOT NULL,
    received_at TEXT NOT NULL,
    done_at     TEXT
  );
  CREATE INDEX event_inbox_unfinished ON event_inbox(done_at) WHERE done_at IS NULL;
  `,
  `
  -- Who asked ("<platform>:<user id>"), so that one person's data can be found and forgotten.
  ALTER TABLE question_log ADD COLUMN asker TEXT;
  CREATE INDEX question_log_by_asker ON question_log(asker);
  ALTER TABLE conversation_turns ADD COLUMN user_id TEXT;
  CREATE INDEX conversation_turns_by_user ON conversation_turns(channel, user_id);
  CREATE INDEX conversation_turns_by_time ON conversation_turns(at);
  CREATE INDEX web_messages_by_time ON web_messages(created_at);
  CREATE INDEX handoff_events_by_time ON handoff_events(at);
  -- An asker who pressed "Antwoord aan …": their next message in that conversation goes to the person helping them.
  CREATE TABLE helper_reply_choices (
    channel          TEXT NOT NULL,
    conversation_id  TEXT NOT NULL,
    handoff_id       TEXT NOT NULL,
    at               TEXT NOT NULL,
    PRIMARY KEY (channel, conversation_id)
  );
  -- Personal links to the team view (only a hash of the secret is kept) and the sessions they open.
  CREATE TABLE team_links (
    token_hash  TEXT PRIMARY KEY,
    member_id   TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    revoked_at  TEXT
  );
  CREATE TABLE team_sessions (
    id_hash     TEXT PRIMARY KEY,
    member_id   TEXT NOT NULL,
    link_hash   TEXT NOT NULL REFERENCES team_links(token_hash),
    csrf_token  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    expires_at  TEXT NOT NULL
  );
  `,
  GIDS_SCHEMA,
  INTRODUCTION_TABLES,
  LESSON_TABLES,
  `
  -- Who typed a web chat message (the asker's own records), so kennis -- vergeet finds a conversation
  -- that kept no question and made no handoff (greetings only, or a question cut off by a stop).
  ALTER TABLE web_messages ADD COLUMN user_id TEXT;
  CREATE INDEX web_messages_by_user ON web_messages(user_id) WHERE user_id IS NOT NULL;
  `,
  `
  -- Who pressed "Nuttig" / "Niet nuttig", so kennis -- vergeet takes one person's votes in a thread
  -- several people asked in, not the others' (rows from before keep NULL and go as before).
  ALTER TABLE feedback ADD COLUMN user_id TEXT;
  CREATE INDEX feedback_by_user ON feedback(channel, user_id) WHERE user_id IS NOT NULL;
  `,
  INBOX_PERSON,
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
