import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/open-database.js";
import { tempDir } from "../helpers/temp-knowledge.js";

/**
 * Two connections to one database (the running app and a maintainer's command, or the chat and the
 * inbox). A transaction that reads and then writes must not fail because the other wrote in between:
 * SQLite refuses such a late upgrade at once (SQLITE_BUSY_SNAPSHOT, no busy wait), so every transaction
 * takes the write lock at its start, and the other connection waits for it instead.
 */
describe("transactions against another writer", () => {
  const temp = tempDir();
  afterEach(() => temp.cleanup());

  it("given another connection writing between a transaction's read and its write, then the transaction still commits and the other one waits", () => {
    const file = path.join(temp.dir, "two.db");
    const app = openDatabase(file);
    const other = openDatabase(file);
    other.pragma("busy_timeout = 0"); // the other's wait, made visible: it is told "busy" instead of waiting
    app.exec("CREATE TABLE counter (n INTEGER)");
    app.prepare("INSERT INTO counter (n) VALUES (0)").run();

    let otherWrote: boolean | "busy" = false;
    const next = app.transaction(() => {
      const { n } = app.prepare("SELECT n FROM counter").get() as { n: number };
      try {
        other.prepare("UPDATE counter SET n = 100").run();
        otherWrote = true;
      } catch (error) {
        otherWrote = /busy|locked/i.test(String(error)) ? "busy" : false;
      }
      app.prepare("UPDATE counter SET n = ?").run(n + 1);
      return n + 1;
    })();

    expect(next).toBe(1);
    expect(otherWrote).toBe("busy");
    expect((other.prepare("SELECT n FROM counter").get() as { n: number }).n).toBe(1);
    other.prepare("UPDATE counter SET n = n + 1").run(); // once the transaction is done, the other writes
    expect((app.prepare("SELECT n FROM counter").get() as { n: number }).n).toBe(2);
    app.close();
    other.close();
  });

  it("given a transaction inside a transaction, then it is a savepoint of the outer one and rolls back alone", () => {
    const db = openDatabase(path.join(temp.dir, "nested.db"));
    db.exec("CREATE TABLE t (v TEXT)");
    db.transaction(() => {
      db.prepare("INSERT INTO t (v) VALUES ('outer')").run();
      expect(() =>
        db.transaction(() => {
          db.prepare("INSERT INTO t (v) VALUES ('inner')").run();
          throw new Error("inner fails");
        })(),
      ).toThrow("inner fails");
    })();
    expect(db.prepare("SELECT v FROM t").all()).toEqual([{ v: "outer" }]);
    db.close();
  });
});
