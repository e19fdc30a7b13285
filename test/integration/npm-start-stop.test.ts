import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { freePort } from "../helpers/free-port.js";
import { REPO_ROOT, STARTER_KNOWLEDGE, tempDir } from "../helpers/temp-knowledge.js";

/**
 * `npm start` stopped the way a process manager or `kill <pid>` stops it: the signal goes to npm alone
 * (not to the whole terminal group, as Ctrl-C does). npm passes it on to its child; Vliegwiel must be
 * that child, not a shell that dies and leaves Vliegwiel running on its port without npm.
 */
describe("npm start, stopped through npm's own process", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  // Each npm runs in a process group of its own; whatever a run leaves behind (also after a failure) is ended here.
  const groups: number[] = [];
  afterEach(() => {
    for (const group of groups.splice(0)) {
      try {
        process.kill(-group, "SIGKILL");
      } catch {
        // The group is gone already: nothing was left behind.
      }
    }
  });

  it.each(["SIGTERM", "SIGINT"] as const)("given %s to npm, then Vliegwiel stops too (its port is closed when npm has exited)", async (signal) => {
    const port = await freePort();
    const env = {
      ...process.env, DATA_DIR: path.join(temp.dir, `data-${signal}`), KNOWLEDGE_DIR: STARTER_KNOWLEDGE,
      ROSTER_FILE: path.join(temp.dir, `roster-${signal}.yaml`), LOG_LEVEL: "info", WEB_PORT: String(port),
    };
    const npm = spawn("npm", ["start"], { cwd: REPO_ROOT, env, stdio: ["ignore", "ignore", "pipe"], detached: true });
    groups.push(npm.pid!);
    let log = "";
    npm.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      npm.once("exit", (code) => reject(new Error(`npm exited with ${code}: ${log}`)));
      npm.stderr!.on("data", () => log.includes("webchat op") && resolve());
    });
    const exited = new Promise<void>((resolve) => npm.once("exit", () => resolve()));
    npm.kill(signal);
    await exited;
    const answered = await fetch(`http://127.0.0.1:${port}/healthz`).then(() => true, () => false);
    expect(answered, "Vliegwiel still answers after npm exited").toBe(false);
    await new Promise<void>((resolve) => (npm.stderr!.readableEnded ? resolve() : npm.stderr!.once("end", () => resolve())));
    expect(log).toContain(`Vliegwiel stopt (${signal})`);
  });
});
