/**
 * One process that takes over a left lock (test/unit/file-lock-takeover.test.ts): `tsx lock-taker.ts <file> <name> <signals dir>`.
 * It pauses where it has judged the lock left, until `<name>.go` appears; once it holds the lock it writes
 * `<name>.holds` and keeps the lock until `<name>.finish` appears. It prints "held" or "refused: <reason>".
 */
import fs from "node:fs";
import path from "node:path";
import { takeoverPauses, withFileLock } from "../../src/ingest/file-lock.js";

const [file, name, signals] = process.argv.slice(2) as [string, string, string];
const signal = (what: string) => path.join(signals, `${name}.${what}`);
const appears = async (what: string) => {
  while (!fs.existsSync(signal(what))) await new Promise((resolve) => setTimeout(resolve, 10));
};

takeoverPauses.whenJudgedLeft = async () => {
  fs.writeFileSync(signal("judged"), "");
  await appears("go");
};

try {
  await withFileLock(file, async () => {
    fs.writeFileSync(signal("holds"), "");
    await appears("finish");
  }, { waitMs: 0 });
  console.log("held");
} catch (error) {
  console.log(`refused: ${(error as Error).message}`);
}
