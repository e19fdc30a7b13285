import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { openDatabase } from "../../src/store/open-database.js";
import { openTestStore, REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);

/**
 * Promise: a command's errors are clear Dutch that say what to do. With the database held by another
 * writer for longer than the command waits (a big document read in by the app or another command),
 * `kennis -- add` said only SQLite's own "database is locked".
 */
describe("kennis with the database held by another writer", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a write lock held longer than the command waits, then it says in Dutch that the database is busy and to try again", async () => {
    const dataDir = path.join(temp.dir, "data");
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(dataDir);
    fs.mkdirSync(knowledgeDir);
    const incoming = path.join(temp.dir, "sleutel.md");
    fs.writeFileSync(incoming, "# Sleutel\n\nDe sleutel van het dorpshuis ligt bij de buren op nummer 3.\n");
    const db = openDatabase(path.join(dataDir, "vliegwiel.db"));
    db.exec("BEGIN IMMEDIATE"); // the other writer, holding on
    try {
      const env = { ...process.env, DATA_DIR: dataDir, KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "error" };
      const result = await run(process.execPath, ["--import", "tsx", "src/cli/kennis.ts", "add", incoming], { cwd: REPO_ROOT, env }).then(
        () => ({ code: 0, stderr: "" }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).not.toMatch(/database is locked/);
      expect(result.stderr).toMatch(/^Fout: de database is bezet door een ander proces .*probeer het zo nog eens/m);
    } finally {
      db.exec("ROLLBACK");
      db.close();
    }
  }, 120_000);

  it("given a write lock held while a document is read in, then its reason says the database is busy, not a reading error", async () => {
    const dir = path.join(temp.dir, "sync");
    fs.mkdirSync(path.join(dir, "knowledge"), { recursive: true });
    fs.writeFileSync(path.join(dir, "knowledge", "sleutel.md"), "# Sleutel\n\nDe sleutel van het dorpshuis ligt bij de buren op nummer 3.\n");
    const store = openTestStore(dir);
    const other = openDatabase(path.join(dir, "test.db"));
    other.exec("BEGIN IMMEDIATE");
    try {
      const summary = await ingestSources({ store, knowledgeDir: path.join(dir, "knowledge"), maxFileBytes: 1024 * 1024 });
      expect(summary.failed).toEqual([expect.objectContaining({ source: "sleutel.md", reason: expect.stringMatching(/^de database is bezet door een ander proces/) })]);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
  }, 120_000);
});
