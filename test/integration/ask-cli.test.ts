import { execFile, spawn } from "node:child_process";
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
    // An empty line between the others is an input line too (its own error object); those at the end are not.
    fs.writeFileSync(input, `${lines.slice(0, 2).map((l) => JSON.stringify(l)).join("\n")}\n\n${lines.slice(2).map((l) => JSON.stringify(l)).join("\n")}\n\n`);

    const { stdout } = await ask("--jsonl", input);

    const out = stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.id)).toEqual(["x1", 2, null, "x3", "x4"]);
    expect(out[2]).toMatchObject({ decision: "handoff", error: "regel 3: lege regel" });
    out.splice(2, 1);
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

  it("given an invalid line in the batch, then that line gets an error object and the others are answered", async () => {
    const input = path.join(temp.dir, "bad.jsonl");
    fs.writeFileSync(
      input,
      [JSON.stringify({ id: "a", question: "Wat is Vereniging Dwarsverband?" }), "{kapot", "[1, 2]", JSON.stringify({ id: "c", question: "  " }), JSON.stringify({ id: "b", question: "Wat is een burgerbegroting?" })].join("\n"),
    );

    const { stdout } = await ask("--jsonl", input);

    const out = stdout.trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out).toHaveLength(5);
    expect(out.map((o) => o.id)).toEqual(["a", null, null, "c", "b"]);
    expect(out[1]).toMatchObject({ decision: "handoff", passages: [], error: "regel 2: geen geldige JSON" });
    expect(out[2]).toMatchObject({ error: "regel 3: geen JSON-object" });
    expect(out[3]).toMatchObject({ decision: "handoff", answer: "", passages: [], error: "regel 4: de vraag is leeg" });
    expect(out[0]!.decision).toBe("answer");
    expect(out[4]!.error).toBeUndefined();
  }, 240_000);

  it("given a large batch read through a slow pipe, then every line arrives whole before the process exits", async () => {
    const input = path.join(temp.dir, "big.jsonl");
    const questions = ["Wat is een Community Benefit Agreement?", "Hoe houden we vrijwilligers vast?", "Wat is Vereniging Dwarsverband?"];
    fs.writeFileSync(input, Array.from({ length: 120 }, (_, i) => JSON.stringify({ id: i, question: questions[i % 3] })).join("\n"));

    // The reader starts late, as a slow consumer of a pipe does: the pipe fills up while Vliegwiel writes.
    const child = spawn("sh", ["-c", `"${TSX}" src/cli/ask.ts --jsonl "${input}" | (sleep 4; cat)`], { cwd: REPO_ROOT, env });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    await new Promise((resolve) => child.on("close", resolve));

    const lines = stdout.trimEnd().split("\n");
    expect(stdout.length).toBeGreaterThan(500_000);
    expect(lines).toHaveLength(120);
    expect(lines.map((l) => (JSON.parse(l) as { id: number }).id)).toEqual(Array.from({ length: 120 }, (_, i) => i));
  }, 240_000);

  it("given an unchanged knowledge folder, then a question skips the sync; a changed file is read in again", async () => {
    const knowledge = path.join(temp.dir, "kennis-skip");
    fs.cpSync(STARTER_KNOWLEDGE, knowledge, { recursive: true });
    fs.writeFileSync(path.join(knowledge, "kapot.pdf"), "%PDF-1.4 dit is geen echte pdf");
    const skipEnv = { ...env, DATA_DIR: path.join(temp.dir, "data-skip"), KNOWLEDGE_DIR: knowledge };
    const askHere = (question: string) => run(TSX, ["src/cli/ask.ts", question], { cwd: REPO_ROOT, env: skipEnv });

    const first = await askHere("Wat is Vereniging Dwarsverband?");
    expect(first.stderr).toContain("5 toegevoegd");
    expect(first.stderr).toContain("kapot.pdf");

    // Nothing changed: no file is read again, so the broken file is not reported again either.
    const second = await askHere("Wat is Vereniging Dwarsverband?");
    expect(second.stderr).toBe("");
    expect(second.stdout).toMatch(/twintig buurthuizen/);

    fs.appendFileSync(path.join(knowledge, "verslag-bijeenkomst-krachten-bundelen-omzien.txt"), "\nAanvulling: de dorpsmoestuin deelt zaden via een ruilkast.\n");
    const third = await askHere("Hoe delen ze zaden in de dorpsmoestuin?");
    expect(third.stderr).toContain("1 bijgewerkt");
    expect(third.stdout).toContain("ruilkast");
  }, 240_000);

  it("given no question, then exits with a clear message", async () => {
    await expect(ask()).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining("stel een vraag") });
  });
});
