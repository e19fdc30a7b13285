import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { checkDatabaseFile } from "../../src/store/backup.js";
import { openDatabase } from "../../src/store/open-database.js";
import { REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);

/** Waits for a condition (polling the folder), never for a fixed time. */
async function until(condition: () => boolean, what: string, timeoutMs = 120_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * Promise: `kennis -- backup FILE` makes a consistent copy (README, Running it for real). Stopped while
 * it copied (a reboot, a kill), it left a half-written file under the name asked for: it looked like a
 * backup, a restore refused it only when it was needed, and the same command again said "bestaat al".
 */
describe("kennis -- backup stopped while it copies", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a kill while the copy is written, then no file is under the backup's name and the same command then makes a whole one", async () => {
    const dataDir = path.join(temp.dir, "data");
    fs.mkdirSync(dataDir);
    // A database of some 80 MB, so the copy takes long enough to be stopped midway.
    const db = openDatabase(path.join(dataDir, "vliegwiel.db"));
    db.exec("CREATE TABLE filler (body BLOB)");
    const insert = db.prepare("INSERT INTO filler (body) VALUES (?)");
    for (let i = 0; i < 80; i++) insert.run(Buffer.alloc(1024 * 1024, i + 1));
    db.close();

    const folder = path.join(temp.dir, "reservekopie");
    fs.mkdirSync(folder);
    const target = path.join(folder, "vliegwiel.db");
    const env = { ...process.env, DATA_DIR: dataDir, KNOWLEDGE_DIR: path.join(temp.dir, "knowledge"), LOG_LEVEL: "error" };
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/kennis.ts", "backup", target], { cwd: REPO_ROOT, env, stdio: "ignore" });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    // Some of the copy is written (under whatever name): the command is copying now.
    const written = () => fs.readdirSync(folder).reduce((sum, name) => sum + fs.statSync(path.join(folder, name)).size, 0);
    await until(() => written() > 1024 * 1024, "the copy to be under way");
    child.kill("SIGKILL");
    await exited;

    if (fs.existsSync(target)) expect(() => checkDatabaseFile(target)).not.toThrow(); // only a whole copy has the name
    else {
      const again = await run(process.execPath, ["--import", "tsx", "src/cli/kennis.ts", "backup", target], { cwd: REPO_ROOT, env });
      expect(again.stdout).toMatch(/^Reservekopie gemaakt/);
      expect(checkDatabaseFile(target).documents).toBe(0);
    }
  }, 240_000);
});
