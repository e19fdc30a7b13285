import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { markRunning, runningAppOn } from "../../src/app/running-marker.js";
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
});
