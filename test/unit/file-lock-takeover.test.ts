import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockFileOf } from "../../src/ingest/file-lock.js";
import { until } from "../faults/kill-points.js";
import { REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

/** Starts a process that takes over the lock of `file` (test/helpers/lock-taker.ts); resolves with what it printed once it ends. */
function taker(file: string, name: string, signals: string): { ended: Promise<string>; done: () => boolean } {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(REPO_ROOT, "test/helpers/lock-taker.ts"), file, name, signals], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  let finished = false;
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  const ended = new Promise<string>((resolve) => child.on("exit", () => ((finished = true), resolve(out.trim()))));
  return { ended, done: () => finished };
}

/**
 * Two processes find the same left lock (its writer crashed long ago) and both take it over. The one that
 * comes second must not take the lock the first made meanwhile: only one writer holds metadata.yaml's lock.
 */
describe("two processes taking over the same left lock", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given both judged the lock left and one took it first, then the other does not hold it too", async () => {
    const file = path.join(temp.dir, "metadata.yaml");
    const signals = path.join(temp.dir, "signals");
    fs.mkdirSync(signals);
    const lock = lockFileOf(file);
    // Left behind by a writer on another machine, an hour ago: past the stale time.
    fs.writeFileSync(lock, JSON.stringify({ pid: 1, host: "elders", at: "2026-01-01T00:00:00.000Z", token: "achtergelaten" }));
    const anHourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(lock, anHourAgo, anHourAgo);
    const at = (what: string) => path.join(signals, what);
    const first = taker(file, "eerste", signals);
    const second = taker(file, "tweede", signals);
    try {
      await until(() => fs.existsSync(at("eerste.judged")) && fs.existsSync(at("tweede.judged")), "both processes to judge the lock left");
      fs.writeFileSync(at("eerste.go"), "");
      await until(() => fs.existsSync(at("eerste.holds")), "the first process to hold the lock");
      fs.writeFileSync(at("tweede.go"), "");
      await until(() => second.done() || fs.existsSync(at("tweede.holds")), "the second process to hold the lock or give up");
      expect(fs.existsSync(at("tweede.holds"))).toBe(false);
      expect(fs.readFileSync(lock, "utf8")).not.toContain("achtergelaten");
    } finally {
      fs.writeFileSync(at("eerste.finish"), "");
      fs.writeFileSync(at("tweede.finish"), "");
    }
    expect(await first.ended).toBe("held");
    expect(await second.ended).toMatch(/^refused: metadata\.yaml wordt al door iets anders bijgewerkt/);
    expect(fs.existsSync(lock)).toBe(false);
    // Nothing left beside it: no lock moved aside, no claim.
    expect(fs.readdirSync(temp.dir).filter((f) => f.startsWith(".metadata.yaml"))).toEqual([]);
  });
});
