import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { markerOf, markRunning, runningAppOn } from "../../src/app/running-marker.js";
import { REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

/**
 * Promise: `kennis -- restore` refuses while the app runs on the same database (README). A second app
 * started on that database (another port) wrote its own process id over the first one's, and removed
 * the marker when it stopped: the first app still ran, and restore went ahead under it.
 */
describe("the marker of a running app", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a second app on the same database that stops, then the first is still known to run", async () => {
    const database = path.join(temp.dir, "vliegwiel.db");
    // The first app: another process that marks the database and runs until its input closes.
    const script = `import { markRunning } from "./src/app/running-marker.ts"; markRunning(${JSON.stringify(database)}); console.log("ready"); process.stdin.resume(); process.stdin.on("end", () => process.exit(0));`;
    const first = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO_ROOT, stdio: ["pipe", "pipe", "inherit"] });
    try {
      await new Promise<void>((resolve, reject) => {
        first.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
        first.once("exit", (code) => reject(new Error(`the first app ended early (${code})`)));
      });
      expect(runningAppOn(database)).toBe(first.pid);

      const unmarkSecond = markRunning(database); // this test's process is the second app
      unmarkSecond();

      expect(runningAppOn(database)).toBe(first.pid);
    } finally {
      const exited = new Promise((resolve) => first.once("exit", resolve));
      first.stdin.end();
      await exited;
    }
    expect(runningAppOn(database)).toBeUndefined();
  }, 60_000);

  it("given a second app marking and unmarking over and over, then a reader of the marker never finds the first app missing", async () => {
    const database = path.join(temp.dir, "churn", "vliegwiel.db");
    fs.mkdirSync(path.dirname(database));
    const first = await markingProcess(database);
    try {
      // The second app: another process that marks and unmarks the database many times, then says so.
      const done = path.join(temp.dir, "churn", "done");
      const script = `import fs from "node:fs"; import { markRunning } from "./src/app/running-marker.ts"; for (let i = 0; i < ${CHURNS}; i++) markRunning(${JSON.stringify(database)})(); fs.writeFileSync(${JSON.stringify(done)}, "");`;
      const second = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO_ROOT, stdio: "inherit" });
      const secondEnded = new Promise<number | null>((resolve) => second.once("exit", resolve));
      // As `kennis -- restore` reads it: meanwhile, every read must still show the first app.
      const marker = markerOf(database);
      let reads = 0;
      let missed = 0;
      while (!fs.existsSync(done)) {
        if (second.exitCode !== null) break;
        reads++;
        if (runningAppOn(database) !== first.pid) missed++;
      }
      expect(await secondEnded).toBe(0);
      expect(reads).toBeGreaterThan(0);
      expect(`${missed} of ${reads}`).toBe(`0 of ${reads}`);
      expect(fs.readFileSync(marker, "utf8")).toBe(`${first.pid}\n`);
      expect(fs.readdirSync(path.dirname(database)).sort()).toEqual(["done", "vliegwiel.db.pid"]);
    } finally {
      const exited = new Promise((resolve) => first.once("exit", resolve));
      first.stdin.end();
      await exited;
    }
  }, 120_000);
});

const CHURNS = 3000;

/** Another process that marks the database as an app does and runs until its input closes. */
async function markingProcess(database: string) {
  const script = `import { markRunning } from "./src/app/running-marker.ts"; markRunning(${JSON.stringify(database)}); console.log("ready"); process.stdin.resume(); process.stdin.on("end", () => process.exit(0));`;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { cwd: REPO_ROOT, stdio: ["pipe", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    child.once("exit", (code) => reject(new Error(`the marking process ended early (${code})`)));
  });
  return child;
}
