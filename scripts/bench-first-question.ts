/**
 * The first question after a restart, timed: `npx tsx scripts/bench-first-question.ts [wait seconds]`.
 * Starts the real app (src/main.ts, web chat only) on a copy of the starter knowledge once to fill its
 * database, then again as a restart; waits the given seconds after it is ready (default 10: the
 * moment a first question might come), meanwhile timing /healthz, then asks questions with words the
 * word memory lacks and prints how long each took. Timing is for reading, not for asserting.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const waitSeconds = Number(process.argv[2] ?? 10);
const QUESTIONS = ["Hoe houden wij onze vrijwiligers betrokken bij het dorpshuis?", "Welke subsidie past bij een buurtmoestuin met zonnepanneelen?"];

const freePort = () => new Promise<number>((resolve) => {
  const server = net.createServer().listen(0, "127.0.0.1", () => {
    const { port } = server.address() as net.AddressInfo;
    server.close(() => resolve(port));
  });
});

async function startApp(env: NodeJS.ProcessEnv): Promise<{ stop(): Promise<void>; readyMs: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${log}`)));
    child.stderr.on("data", (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes("webchat op")) resolve();
    });
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return { readyMs: Date.now() - started, stop: async () => void (child.kill("SIGTERM"), await exited) };
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint();
  const value = await work();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vliegwiel-bench-first-"));
try {
  fs.cpSync(path.join(ROOT, "knowledge"), path.join(dir, "knowledge"), { recursive: true });
  const port = await freePort();
  const env = { ...process.env, DATA_DIR: dir, KNOWLEDGE_DIR: path.join(dir, "knowledge"), ROSTER_FILE: path.join(dir, "roster.yaml"), WEB_PORT: String(port), LOG_LEVEL: "info", SLACK_BOT_TOKEN: "", DISCORD_TOKEN: "" };
  await (await startApp(env)).stop(); // the first start reads the documents in
  const app = await startApp(env);
  const base = `http://127.0.0.1:${port}`;
  const health: number[] = [];
  const until = Date.now() + waitSeconds * 1000;
  while (Date.now() < until || health.length === 0) {
    health.push((await timed(() => fetch(`${base}/healthz`).then((r) => r.text())))[1]);
    await new Promise((r) => setTimeout(r, 100));
  }
  const asked: string[] = [];
  for (const [i, text] of QUESTIONS.entries()) {
    const [, ms] = await timed(() => fetch(`${base}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ conversationId: `bench-${i}`, text }) }).then((r) => r.json()));
    asked.push(`${(ms / 1000).toFixed(2)} s`);
  }
  await app.stop();
  health.sort((a, b) => a - b);
  console.log(`restart ready in ${(app.readyMs / 1000).toFixed(2)} s; waited ${waitSeconds} s; /healthz during the wait: median ${health[Math.floor(health.length / 2)]!.toFixed(0)} ms, slowest ${health.at(-1)!.toFixed(0)} ms (${health.length} checks)`);
  console.log(`first question ${asked[0]}, second ${asked[1]}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
