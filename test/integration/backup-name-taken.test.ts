import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { backupDatabase, checkDatabaseFile, onBackupNaming } from "../../src/store/backup.js";
import { openDatabase } from "../../src/store/open-database.js";
import { tempDir } from "../helpers/temp-knowledge.js";

/**
 * Two backups to the same name at once: the one that finishes second must not replace the first one's
 * copy. Shown by another backup finishing under the name just before this one's copy is given it.
 */
describe("a backup whose name is taken while it copies", () => {
  const temp = tempDir();
  afterEach(() => onBackupNaming());
  afterAll(() => temp.cleanup());

  it("given another backup finished under the same name meanwhile, then this one says 'bestaat al' and leaves that copy and no partial", async () => {
    const databasePath = path.join(temp.dir, "data", "vliegwiel.db");
    const db = openDatabase(databasePath);
    db.close();
    const folder = path.join(temp.dir, "reservekopie");
    const target = path.join(folder, "vliegwiel.db");
    const other = path.join(temp.dir, "andere.db");
    await backupDatabase(databasePath, other);
    // The other backup's copy takes the name between this one's checks and its naming.
    let othersCopy = -1;
    onBackupNaming((file) => {
      fs.copyFileSync(other, file);
      othersCopy = fs.statSync(file).ino;
    });

    await expect(backupDatabase(databasePath, target)).rejects.toThrow(`${target} bestaat al; kies een nieuwe naam (er wordt niets overschreven)`);
    expect(fs.statSync(target).ino).toBe(othersCopy);
    expect(fs.readdirSync(folder)).toEqual(["vliegwiel.db"]);
    expect(checkDatabaseFile(target).documents).toBe(0);
  });

  it("given the name free, then the copy gets it and no partial is left beside it", async () => {
    const databasePath = path.join(temp.dir, "data2", "vliegwiel.db");
    openDatabase(databasePath).close();
    const target = path.join(temp.dir, "reservekopie2", "vliegwiel.db");
    const summary = await backupDatabase(databasePath, target);
    expect(summary.documents).toBe(0);
    expect(fs.readdirSync(path.dirname(target))).toEqual(["vliegwiel.db"]);
    expect(fs.statSync(target).nlink).toBe(1);
  });
});
