import fs from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";
import { REPO_ROOT } from "./temp-knowledge.js";

/**
 * The real `npm start` (src/main.ts) as a child process, started and killed with SIGKILL by a test.
 * One process (no tsx wrapper), so SIGKILL really kills the server mid-flight.
 */
export class AppProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> | undefined;
  log = "";

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  get running(): boolean {
    return !!this.child;
  }

  /**
   * Starts and resolves once every line in `readyWhen` was logged. The limit is generous (a start on a
   * loaded machine may take minutes); failing, it names the lines still missing and the log's end.
   */
  async start(readyWhen: readonly string[], timeoutMs = 300_000): Promise<void> {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: REPO_ROOT, env: this.env, stdio: ["ignore", "ignore", "pipe"] });
    this.child = child;
    if (process.env.APP_LOG_FILE) fs.appendFileSync(process.env.APP_LOG_FILE, `=== ${new Date().toISOString()} start pid ${child.pid}\n`);
    this.exited = new Promise((resolve) => child.once("exit", () => resolve()));
    const started = this.log.length;
    await new Promise<void>((resolve, reject) => {
      const missing = () => readyWhen.filter((line) => !this.log.slice(started).includes(line)).join(", ");
      const timer = setTimeout(() => reject(new Error(`not started within ${timeoutMs / 1000} s (still missing: ${missing()}); log:\n${this.log.slice(started).slice(-4000)}`)), timeoutMs);
      const onExit = (code: number | null) => reject(new Error(`exited with ${code}:\n${this.log.slice(started)}`));
      child.once("exit", onExit);
      child.stderr!.on("data", (chunk: Buffer) => {
        this.log += chunk.toString();
        if (process.env.APP_LOG_FILE) fs.appendFileSync(process.env.APP_LOG_FILE, chunk);
        if (readyWhen.every((line) => this.log.slice(started).includes(line))) {
          clearTimeout(timer);
          child.off("exit", onExit);
          resolve();
        }
      });
    });
  }

  /** SIGKILL: no shutdown, no flush; resolves once the process is gone. */
  async kill(): Promise<void> {
    const { child, exited } = this;
    if (!child) return;
    this.child = undefined;
    if (process.env.APP_LOG_FILE) fs.appendFileSync(process.env.APP_LOG_FILE, `=== ${new Date().toISOString()} SIGKILL pid ${child.pid}\n`);
    child.kill("SIGKILL");
    await exited;
  }
}
