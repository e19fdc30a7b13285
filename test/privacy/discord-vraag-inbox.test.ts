import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { PendingAsk } from "../../src/channels/discord/commands/vraag-inbox.js";
import { askKey } from "../../src/channels/discord/commands/vraag-inbox.js";
import { SqliteEventInbox } from "../../src/store/event-inbox.js";
import { forgetPerson } from "../../src/store/forget-person.js";
import { openDatabase } from "../../src/store/open-database.js";
import { tempDir } from "../helpers/temp-knowledge.js";

const ask = (interactionId: string, userId: string): PendingAsk => ({
  interactionId, applicationId: "940000000000000001", token: `geheim-token-${interactionId}`, channelId: "920000000000000001",
  inServer: true, whole: false, userId, userName: "Anna", question: "Mijn buurvrouw is ziek, wie kan helpen?",
});

/** A /vraag kept in the inbox (real SQLite): its question and interaction token only until answered, and gone when the asker is forgotten. */
describe("/vraag in the inbox and a person's words", () => {
  const temp = tempDir();
  const db = openDatabase(path.join(temp.dir, "inbox.db"));
  afterAll(() => {
    db.close();
    temp.cleanup();
  });
  const bodies = () => db.prepare("SELECT key, body FROM event_inbox ORDER BY key").all() as Array<{ key: string; body: string }>;

  it("given a /vraag answered, then neither its question nor its token stays, only its key", () => {
    const inbox = new SqliteEventInbox(db);
    expect(inbox.take(askKey("1"), ask("1", "960000000000000001"))).toBe(true);
    inbox.done(askKey("1"));
    expect(bodies().find((r) => r.key === askKey("1"))?.body).toBe("");
  });

  it("given the asker forgotten while their /vraag waits, then it goes; another person's stays", () => {
    const inbox = new SqliteEventInbox(db);
    inbox.take(askKey("2"), ask("2", "960000000000000001"));
    inbox.take(askKey("3"), ask("3", "960000000000000002"));
    forgetPerson(db, "discord:960000000000000001");
    const keys = bodies().map((r) => r.key);
    expect(keys).not.toContain(askKey("2"));
    expect(keys).toContain(askKey("3"));
  });
});
