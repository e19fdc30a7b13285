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

describe("the command line beside a running app", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given the app running on the database, then kennis does not rewrite it (that would hold the app's writes up) but says the space comes free when it is stopped", async () => {
    const { execFile } = await import("node:child_process");
    const { REPO_ROOT } = await import("../helpers/temp-knowledge.js");
    const { markRunning } = await import("../../src/app/running-marker.js");
    const file = path.join(temp.dir, "vliegwiel.db");
    databaseWithFreedSpace(file).close();
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(knowledgeDir);
    fs.writeFileSync(path.join(knowledgeDir, "weg.md"), "# Weg\n\nDit document gaat eruit.\n");
    const cli = (script: string, ...args: string[]) =>
      new Promise<string>((resolve, reject) =>
        execFile(path.join(REPO_ROOT, "node_modules", ".bin", "tsx"), [`src/cli/${script}.ts`, ...args], { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: temp.dir, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "error" } }, (error, stdout) => (error ? reject(error) : resolve(stdout))),
      );
    await cli("ingest");
    const unmark = markRunning(file); // this test's process stands in for the running app
    try {
      const before = fs.statSync(file).size;
      const said = await cli("kennis", "remove", "weg.md");
      expect(said).toContain("komt vrij als je dit opnieuw doet terwijl Vliegwiel gestopt is");
      expect(fs.statSync(file).size).toBeGreaterThanOrEqual(before);
    } finally {
      unmark();
    }
  }, 240_000);
});
