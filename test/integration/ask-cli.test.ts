import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, STARTER_KNOWLEDGE, tempDir } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");

/** The batch contract other tools depend on, run as a real process. */
describe("npm run ask", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  const env = { ...process.env, DATA_DIR: temp.dir, KNOWLEDGE_DIR: STARTER_KNOWLEDGE, LOG_LEVEL: "error" };
  const ask = (...args: string[]) => run(TSX, ["src/cli/ask.ts", ...args], { cwd: REPO_ROOT, env, maxBuffer: 10 * 1024 * 1024 });

  it("given a JSONL file, then prints exactly one contract object per input line and nothing else", async () => {
    const input = path.join(temp.dir, "q.jsonl");
    const lines = [
      { id: "x1", question: "Wat is een Community Benefit Agreement?" },
      { id: 2, question: "Hoe vraag ik een kapvergunning aan voor de boom in onze tuin?" },
      { id: "x3", question: "" },
      { id: "x4" },
    ];
    fs.writeFileSync(input, `${lines.map((l) => JSON.stringify(l)).join("\n")}\n\n`);

    const { stdout } = await ask("--jsonl", input);

    const out = stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(["x1", 2, "x3", "x4"]);
    for (const o of out) {
      expect(["answer", "handoff"]).toContain(o.decision);
      expect(typeof o.answer).toBe("string");
      expect(Array.isArray(o.passages)).toBe(true);
    }
    const first = out[0] as { decision: string; passages: Array<{ text: string; source: string; score: number }> };
    expect(first.decision).toBe("answer");
    expect(first.passages.length).toBeGreaterThan(0);
    expect(first.passages.length).toBeLessThanOrEqual(10);
    expect(Object.keys(first.passages[0]!)).toEqual(["text", "source", "score"]);
    expect(first.passages[0]!.text).toContain("Community Benefit Agreement");
    const scores = first.passages.map((p) => p.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(out[1]!.decision).toBe("handoff");
  });

  it("given a question, then prints the answer with its sources for a person", async () => {
    const { stdout } = await ask("Wat is Vereniging Dwarsverband?");
    expect(stdout).toContain("Bronnen:");
    expect(stdout).toMatch(/twintig buurthuizen/);
  });

  it("given no question, then exits with a clear message", async () => {
    await expect(ask()).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("stel een vraag") });
  });
});
