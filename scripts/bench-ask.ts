/**
 * How long `npm run ask -- "vraag"` takes from process start to answer, on the offline default with an
 * unchanged knowledge folder, next to its peer in the same run: a process that only starts Node with
 * tsx and exits. The ratio is what to compare between machines; the milliseconds vary with load.
 *
 *   npm run bench:ask            (7 runs each, alternating)
 *   npm run bench:ask -- 15
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const runs = Number(process.argv[2] ?? 7);
const question = "Hoe houden we vrijwilligers vast?";

function timed(args: string[]): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", env: { ...process.env, LOG_LEVEL: "error" } });
  if (result.status !== 0) throw new Error(`${args.join(" ")} stopte met ${result.status}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const ask = ["--import", "tsx", "src/cli/ask.ts", question];
const peer = ["--import", "tsx", "-e", "0"];
timed(ask); // brings the store in line with knowledge/ once, so the runs below measure a question only
const askTimes: number[] = [];
const peerTimes: number[] = [];
for (let i = 0; i < runs; i++) {
  askTimes.push(timed(ask));
  peerTimes.push(timed(peer));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const a = median(askTimes);
const p = median(peerTimes);
console.log(`ask, one question, offline, unchanged knowledge/ (median of ${runs}): ${a.toFixed(0)} ms`);
console.log(`peer: node + tsx starting and exiting (median of ${runs}):        ${p.toFixed(0)} ms`);
console.log(`ratio ask / peer: ${(a / p).toFixed(2)}  (answering itself: ~${(a - p).toFixed(0)} ms beyond starting Node)`);
