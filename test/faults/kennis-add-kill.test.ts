import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

/** Waits for a condition (polling a file), never for a fixed time. */
async function until(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Some megabytes of plain Dutch text: reading it in takes the store a while, long enough to stop the command midway. */
function longReport(): string {
  const words = ["buurtbus", "vrijwilligers", "gemeente", "subsidie", "dorpshuis", "energie", "coöperatie", "moestuin", "bewoners", "verslag"];
  const lines: string[] = ["# Lang verslag", ""];
  for (let i = 0; i < 40_000; i++) lines.push(`Punt ${i}: de ${words[i % 10]} en de ${words[(i * 7) % 10]} spraken over ${words[(i * 3) % 10]} nummer ${i * 13}.`);
  return lines.join("\n");
}

/**
 * Promise: `kennis -- add` keeps no file it could not read, a replaced one gets its earlier version back,
 * so a broken file never makes every later sync fail (README, Adding documents). The command copied
 * everything in first and took the broken files out only after reading in the rest: stopped in between
 * (Ctrl-C, a kill, out of memory), the broken files stayed and a good file's earlier version was lost.
 */
describe("kennis -- add stopped while it reads in", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a kill while the readable files are read in, then no unreadable file is in the knowledge folder and a replaced file is as it was", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    const incoming = path.join(temp.dir, "downloads");
    fs.mkdirSync(knowledgeDir);
    fs.mkdirSync(incoming);
    const earlier = "# Verslag\n\nDe buurtbus rijdt elke dinsdag naar de markt in het dorp.\n";
    fs.writeFileSync(path.join(knowledgeDir, "verslag.md"), earlier);
    fs.writeFileSync(path.join(incoming, "verslag.md"), "");
    fs.writeFileSync(path.join(incoming, "kapot.pdf"), "%PDF-1.4\nhier is iets misgegaan");
    fs.writeFileSync(path.join(incoming, "lang.txt"), longReport());

    const env = { ...process.env, DATA_DIR: path.join(temp.dir, "data"), KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "error" };
    const args = ["--import", "tsx", "src/cli/kennis.ts", "add", ...["verslag.md", "kapot.pdf", "lang.txt"].map((f) => path.join(incoming, f))];
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env, stdio: "ignore" });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    // The readable file is in place: the command is reading in now.
    await until(() => fs.existsSync(path.join(knowledgeDir, "lang.txt")), "lang.txt in the knowledge folder");
    child.kill("SIGKILL");
    await exited;

    expect(fs.existsSync(path.join(knowledgeDir, "kapot.pdf"))).toBe(false);
    expect(fs.readFileSync(path.join(knowledgeDir, "verslag.md"), "utf8")).toBe(earlier);
  }, 120_000);
});
