import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { forgetPerson } from "../../src/store/forget-person.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteEventInbox } from "../../src/store/event-inbox.js";
import { tempDir } from "../helpers/temp-knowledge.js";

const event = (user: string, text: string) => ({ type: "app_mention", user, text, channel: "C0DORP", ts: "1700000000.000100" });

/** The platform events kept until handled (real SQLite): what of a person's words they keep, and for how long. */
describe("event inbox and a person's words", () => {
  const temp = tempDir();
  const db = openDatabase(path.join(temp.dir, "inbox.db"));
  afterAll(() => {
    db.close();
    temp.cleanup();
  });
  const bodies = () => db.prepare("SELECT key, body FROM event_inbox ORDER BY key").all() as Array<{ key: string; body: string }>;

  it("given an event handled, then only its key stays (a repeat is still recognised), not what it said", () => {
    const inbox = new SqliteEventInbox(db);
    expect(inbox.take("slack:Ev1", event("U0ASKER", "mijn buurvrouw is ziek"))).toBe(true);
    inbox.done("slack:Ev1");
    expect(bodies().find((r) => r.key === "slack:Ev1")?.body).toBe("");
    expect(inbox.take("slack:Ev1", event("U0ASKER", "mijn buurvrouw is ziek"))).toBe(false);
  });

  it("given handled events of an older version that kept their text, then a start removes it", () => {
    db.prepare("INSERT INTO event_inbox (key, body, boot, received_at, done_at) VALUES ('slack:Ev0', ?, 'old', '2026-01-01T00:00:00Z', ?)")
      .run(JSON.stringify(event("U0ASKER", "oude tekst")), new Date().toISOString());
    new SqliteEventInbox(db);
    expect(bodies().find((r) => r.key === "slack:Ev0")?.body).toBe("");
  });

  it("given a person forgotten while their event is not yet handled, then the event goes; another person's stays", () => {
    const inbox = new SqliteEventInbox(db);
    inbox.take("slack:Ev2", event("U0ASKER", "nog niet behandeld"));
    inbox.take("slack:Ev3", event("U0OTHER", "van iemand anders"));
    inbox.take("discord:Ev4", { author: { id: "U0ASKER" }, content: "zelfde id, ander platform" });
    forgetPerson(db, "slack:U0ASKER");
    const keys = bodies().map((r) => r.key);
    expect(keys).not.toContain("slack:Ev2");
    expect(keys).toEqual(expect.arrayContaining(["slack:Ev3", "discord:Ev4"]));
  });
});
