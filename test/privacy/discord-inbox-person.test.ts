import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteEventInbox } from "../../src/store/event-inbox.js";
import { forgetPerson } from "../../src/store/forget-person.js";
import { openDatabase } from "../../src/store/open-database.js";
import { MIGRATIONS } from "../../src/store/schema.js";
import { tempDir } from "../helpers/temp-knowledge.js";

const ANNA = "960000000000000001";
const BRAM = "960000000000000002";
/** A Discord message's row once its answer is composed: where it is and the parts, not who wrote it. */
const composed = (channelId: string, messageId: string) => ({ channelId, messageId, parts: [{ embeds: [{ description: `Antwoord op ${messageId}` }], allowed_mentions: { parse: [] } }] });

/** Rows of the inbox not yet handled whose answer was composed, in a database of the version before their author was kept (real SQLite). */
describe("a Discord message's composed answer in the inbox and forgetting its author", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  const keys = (db: Database.Database) => db.prepare("SELECT key FROM event_inbox WHERE done_at IS NULL ORDER BY key").pluck().all();

  it("given rows kept by the version before, then after the upgrade forgetting the author takes the row of a conversation only they asked in; one several asked in stays for its restart", () => {
    const file = path.join(temp.dir, "oud.db");
    const old = new Database(file);
    for (const sql of MIGRATIONS.slice(0, -1)) old.exec(sql);
    old.pragma(`user_version = ${MIGRATIONS.length - 1}`);
    const turn = old.prepare("INSERT INTO conversation_turns (channel, conversation_id, question, at, user_id) VALUES ('discord', ?, 'Hoe houden we vrijwilligers vast?', ?, ?)");
    const keep = old.prepare("INSERT INTO event_inbox (key, body, boot, received_at) VALUES (?, ?, 'oud', ?)");
    const at = new Date().toISOString();
    // Anna's mention in a channel: its thread (the message's id) is hers alone.
    turn.run("910000000000000011", at, ANNA);
    keep.run("discord:910000000000000011", JSON.stringify(composed("920000000000000001", "910000000000000011")), at);
    // Anna's message in her direct messages.
    turn.run("930000000000000001", at, ANNA);
    keep.run("discord:910000000000000012", JSON.stringify(composed("930000000000000001", "910000000000000012")), at);
    // A message in a thread Anna and Bram both asked in: whose it is, the row does not say.
    turn.run("940000000000000001", at, ANNA);
    turn.run("940000000000000001", at, BRAM);
    keep.run("discord:910000000000000013", JSON.stringify(composed("940000000000000001", "910000000000000013")), at);
    old.close();

    const db = openDatabase(file);
    try {
      forgetPerson(db, `discord:${ANNA}`);
      expect(keys(db)).toEqual(["discord:910000000000000013"]);
    } finally {
      db.close();
    }
  });

  it("given a row kept with its author, or given them when its answer is composed, then forgetting them takes it and not another's", () => {
    const db = openDatabase(path.join(temp.dir, "nieuw.db"));
    try {
      const inbox = new SqliteEventInbox(db);
      inbox.take("discord:910000000000000021", { channelId: "920000000000000001", messageId: "910000000000000021" }, `discord:${ANNA}`);
      inbox.rewrite("discord:910000000000000021", composed("920000000000000001", "910000000000000021"));
      // Taken by an older version (no author), answered again after the start: its author comes with the parts.
      db.prepare("INSERT INTO event_inbox (key, body, boot, received_at) VALUES ('discord:910000000000000022', '{}', 'oud', ?)").run(new Date().toISOString());
      inbox.rewrite("discord:910000000000000022", composed("940000000000000001", "910000000000000022"), `discord:${ANNA}`);
      inbox.take("discord:910000000000000023", composed("920000000000000001", "910000000000000023"), `discord:${BRAM}`);
      forgetPerson(db, `discord:${ANNA}`);
      expect(keys(db)).toEqual(["discord:910000000000000023"]);
      // Handled, only the key stays: not who it was from either.
      inbox.done("discord:910000000000000023");
      expect(db.prepare("SELECT person FROM event_inbox WHERE key = 'discord:910000000000000023'").pluck().get()).toBeNull();
    } finally {
      db.close();
    }
  });
});
