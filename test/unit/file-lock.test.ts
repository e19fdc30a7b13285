import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockFileOf, withFileLock } from "../../src/ingest/file-lock.js";
import { tempDir } from "../helpers/temp-knowledge.js";

describe("the lock file beside metadata.yaml", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a lock that cannot be read (a folder of its name, a root-only file), then the writer gives up after its wait with a Dutch reason, and never writes", async () => {
    const file = path.join(temp.dir, "metadata.yaml");
    fs.mkdirSync(lockFileOf(file));
    let wrote = false;
    // Before, each failed read counted as "released meanwhile" and was retried at once: a loop that never
    // awaited, so the running app stood still.
    await expect(withFileLock(file, () => (wrote = true), { waitMs: 100 })).rejects.toThrow(/wordt al door iets anders bijgewerkt/);
    expect(wrote).toBe(false);
    expect(fs.statSync(lockFileOf(file)).isDirectory()).toBe(true);
  });
});
