import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { backupDatabase } from "../../src/store/backup.js";
import { compactIfMostlyFree } from "../../src/store/compact-database.js";
import { openDatabase } from "../../src/store/open-database.js";
import { tempDir } from "../helpers/temp-knowledge.js";

/** A Vliegwiel database that held ~20 MB of something since removed (a big document, say). */
function databaseWithFreedSpace(file: string) {
  const db = openDatabase(file);
  db.exec("CREATE TABLE filler (body BLOB)");
  const insert = db.prepare("INSERT INTO filler (body) VALUES (?)");
  for (let i = 0; i < 20; i++) insert.run(Buffer.alloc(1024 * 1024, i));
  db.exec("DELETE FROM filler");
  db.pragma("wal_checkpoint(TRUNCATE)");
  return db;
}

describe("space left by removed documents", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given much of the database free after a removal, then it is rewritten small; with little free, nothing is done", () => {
    const file = path.join(temp.dir, "groot.db");
    const db = databaseWithFreedSpace(file);
    const before = fs.statSync(file).size;
    expect(before).toBeGreaterThan(20 * 1024 * 1024);

    const compacted = compactIfMostlyFree(db, file);

    expect(compacted!.before).toBe(before);
    expect(compacted!.after).toBeLessThan(2 * 1024 * 1024);
    expect(fs.statSync(file).size).toBe(compacted!.after);
    expect(compactIfMostlyFree(db, file)).toBeUndefined();
    expect(db.prepare("SELECT count(*) FROM documents").pluck().get()).toBe(0);
    db.close();
  });

  it("given a database with free space, then its backup is compact and whole", async () => {
    const file = path.join(temp.dir, "met-ruimte.db");
    databaseWithFreedSpace(file).close();
    const summary = await backupDatabase(file, path.join(temp.dir, "kopie.db"));
    expect(summary.bytes).toBeLessThan(2 * 1024 * 1024);
    expect(fs.statSync(file).size).toBeGreaterThan(20 * 1024 * 1024);
  });
});
