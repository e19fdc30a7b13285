import { execFile, spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/free-port.js";
import { REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);
const UNIT = path.join(REPO_ROOT, "deploy", "vliegwiel.service");

/**
 * Running it for real: a copy of the app with only its production dependencies (as `npm ci --omit=dev`
 * leaves it; here `npm prune --omit=dev --offline` on a hard-linked copy, no network), started with the
 * systemd unit's own command, healthy on /healthz and stopped cleanly with the unit's signal.
 */
describe("production install", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given only production dependencies, then the unit's ExecStart serves the chat, reports healthy and stops on SIGTERM", async () => {
    const unit = fs.readFileSync(UNIT, "utf8");
    const workingDir = /^WorkingDirectory=(.+)$/m.exec(unit)![1]!;
    const [command, ...args] = /^ExecStart=(.+)$/m.exec(unit)![1]!.split(" ");
    expect(/^KillSignal=(.+)$/m.exec(unit)![1]).toBe("SIGTERM");
    for (const dir of /^ReadWritePaths=(.+)$/m.exec(unit)![1]!.split(" ")) expect(["data", "knowledge"]).toContain(path.relative(workingDir, dir));

    const app = path.join(temp.dir, "vliegwiel");
    fs.mkdirSync(app);
    for (const entry of ["package.json", "package-lock.json", "src", "scripts", "prompts", "knowledge", "roster.example.yaml", "tsconfig.json"]) {
      fs.cpSync(path.join(REPO_ROOT, entry), path.join(app, entry), { recursive: true });
    }
    // Hard links keep the copy cheap; npm's own index is replaced, not written through to the worktree.
    await run("cp", ["-al", path.join(REPO_ROOT, "node_modules"), path.join(app, "node_modules")]);
    fs.rmSync(path.join(app, "node_modules", ".package-lock.json"), { force: true });
    const before = checksum(path.join(REPO_ROOT, "node_modules", ".package-lock.json"));
    await run("npm", ["prune", "--omit=dev", "--offline", "--no-audit", "--no-fund"], { cwd: app });
    expect(checksum(path.join(REPO_ROOT, "node_modules", ".package-lock.json"))).toBe(before);
    for (const dev of ["vitest", "typescript", "playwright-core", "minisearch"]) expect(fs.existsSync(path.join(app, "node_modules", dev))).toBe(false);
    // The handleiding's step after npm ci: the code prepared by its owner, so the service needs no write access to it.
    const built = await run("npm", ["run", "--silent", "build"], { cwd: app });
    expect(built.stdout).toMatch(/dist\/ is bij/);

    const port = await freePort();
    const child = spawn(command!.replace(workingDir, app), args, {
      cwd: app,
      env: { PATH: process.env.PATH, HOME: temp.dir, NODE_ENV: "production", WEB_PORT: String(port), LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const health = await waitForHealth(`http://127.0.0.1:${port}/healthz`, exited);
      expect(health).toMatchObject({ ok: true, store: { ok: true, documents: 5 } });
      const answer = (await (await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ conversationId: "prod", text: "Wat is Vereniging Dwarsverband?" }),
      })).json()) as { text: string };
      expect(answer.text).toMatch(/twintig buurthuizen/);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/error/i);
    expect(fs.existsSync(path.join(app, "data", "vliegwiel.db"))).toBe(true);
  }, 300_000);
});

function checksum(file: string): string {
  return fs.existsSync(file) ? crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex") : "absent";
}

/** Polls /healthz until it answers (the app reads the knowledge folder first), or the process ends. */
async function waitForHealth(url: string, exited: Promise<number | null>): Promise<unknown> {
  let done = false;
  void exited.then(() => (done = true));
  while (!done) {
    try {
      const res = await fetch(url);
      if (res.ok) return res.json();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("Vliegwiel stopped before it was healthy");
}
