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

  it("given work that ran so long its lock was taken over by another writer, then it leaves the other writer's lock in place", async () => {
    const file = path.join(temp.dir, "slow.yaml");
    const lock = lockFileOf(file);
    const other = JSON.stringify({ pid: process.pid, host: "elders", at: new Date().toISOString(), token: "iemand-anders" });
    await withFileLock(file, () => {
      // Meanwhile the lock was judged left and another writer took it.
      fs.writeFileSync(lock, other);
    });
    expect(fs.readFileSync(lock, "utf8")).toBe(other);
  });

  it("given a left lock and a takeover's claim left by a taker that stopped midway, then a writer still gets the lock, and nothing stays beside it", async () => {
    const file = path.join(temp.dir, "claimed.yaml");
    const lock = lockFileOf(file);
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const [left, token] of [[lock, "achtergelaten"], [`${lock}.claim`, "gestopte-overnemer"]] as const) {
      fs.writeFileSync(left, JSON.stringify({ pid: 1, host: "elders", at: anHourAgo.toISOString(), token }));
      fs.utimesSync(left, anHourAgo, anHourAgo);
    }
    let wrote = false;
    await withFileLock(file, () => (wrote = true), { waitMs: 1000 });
    expect(wrote).toBe(true);
    expect(fs.readdirSync(temp.dir).filter((f) => f.startsWith(".claimed.yaml"))).toEqual([]);
  });

  it("given a writer that finishes, then its own lock is gone", async () => {
    const file = path.join(temp.dir, "quick.yaml");
    await withFileLock(file, () => undefined);
    expect(fs.existsSync(lockFileOf(file))).toBe(false);
  });

  it("given files a stop left from earlier takeovers (moved aside, not yet removed), then the next writer removes the old ones and leaves a fresh one", async () => {
    const file = path.join(temp.dir, "left.yaml");
    const lock = lockFileOf(file);
    const old = `${lock}.1a2b3c4d.left`;
    const oldClaim = `${lock}.claim.5e6f7a8b.left`;
    const fresh = `${lock}.9c0d1e2f.left`;
    for (const name of [old, oldClaim, fresh]) fs.writeFileSync(name, "{}");
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(old, hourAgo, hourAgo);
    fs.utimesSync(oldClaim, hourAgo, hourAgo);
    await withFileLock(file, () => fs.writeFileSync(file, "a: 1\n"));
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(oldClaim)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(fs.readFileSync(file, "utf8")).toBe("a: 1\n");
  });
});
