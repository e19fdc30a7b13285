/**
 * How long `npm run ask -- "vraag"` takes from process start to answer, on the offline default with an
 * unchanged knowledge folder: through the prebuilt runner (what `npm run ask` runs), next to the same
 * command under tsx (how it ran before) and to its peer in the same run, a bare Node that starts and
 * exits; and the whole `npm run --silent ask` a person types (npm itself adds its own start). The ratios
 * are what to compare between machines; the milliseconds vary with load.
 *
 *   npm run bench:ask            (7 runs each, interleaved)
 *   npm run bench:ask -- 15
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const runs = Number(process.argv[2] ?? 7);
const question = "Hoe houden we vrijwilligers vast?";

function timed(args: string[], command = process.execPath): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, LOG_LEVEL: "error" } });
  if (result.status !== 0) throw new Error(`${args.join(" ")} stopte met ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const ask = ["scripts/run.mjs", "cli/ask.ts", question];
const askUnderTsx = ["--import", "tsx", "src/cli/ask.ts", question];
const peer = ["-e", "0"];
const npmAsk = ["run", "--silent", "ask", "--", question];
timed(ask); // brings the store and dist/ in line with knowledge/ and src/ once, so the runs below measure a question only
const times = { ask: [] as number[], tsx: [] as number[], peer: [] as number[], npm: [] as number[] };
for (let i = 0; i < runs; i++) {
  times.ask.push(timed(ask));
  times.tsx.push(timed(askUnderTsx));
  times.peer.push(timed(peer));
  times.npm.push(timed(npmAsk, process.platform === "win32" ? "npm.cmd" : "npm"));
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const a = median(times.ask);
const t = median(times.tsx);
const p = median(times.peer);
const n = median(times.npm);
console.log(`ask through the prebuilt runner, one question, offline, unchanged knowledge/ (median of ${runs}): ${a.toFixed(0)} ms`);
console.log(`the same under tsx (median of ${runs}):                                                  ${t.toFixed(0)} ms`);
console.log(`peer: a bare node starting and exiting (median of ${runs}):                             ${p.toFixed(0)} ms`);
console.log(`the whole \`npm run --silent ask -- "…"\` (median of ${runs}):                                   ${n.toFixed(0)} ms`);
console.log(`ratio runner / tsx: ${(a / t).toFixed(2)}; ratio runner / bare node: ${(a / p).toFixed(2)} (~${(a - p).toFixed(0)} ms beyond starting Node)`);
