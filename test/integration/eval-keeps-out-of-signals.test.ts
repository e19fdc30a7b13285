import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { copyOfStarterKnowledge, REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");

/**
 * `npm run eval -- vragen.jsonl` on the database Vliegwiel runs on: its test questions are measured, not
 * asked by anyone, so they stay out of the question log that `onbeantwoord` and the signals read.
 */
describe("npm run eval and the question log", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given an eval run on the live database, then onbeantwoord and signalen do not show its questions", async () => {
    const env = { ...process.env, DATA_DIR: path.join(temp.dir, "data"), KNOWLEDGE_DIR: copyOfStarterKnowledge(temp.dir), ROSTER_FILE: path.join(temp.dir, "roster.yaml"), LOG_LEVEL: "error" };
    const questions = path.join(temp.dir, "vragen.jsonl");
    fs.writeFileSync(questions, `${JSON.stringify({ id: "q1", question: "Wat is een goed recept voor appeltaart met kaneel?", answerable: false })}\n`);

    const evaluated = await run(TSX, ["src/cli/eval.ts", questions], { cwd: REPO_ROOT, env });
    expect(evaluated.stdout).toContain("1 vragen");

    const unanswered = await run(TSX, ["src/cli/kennis.ts", "onbeantwoord"], { cwd: REPO_ROOT, env });
    expect(unanswered.stdout).not.toContain("appeltaart");
    expect(unanswered.stdout).toContain("Geen vragen naar een mens");
    const signals = await run(TSX, ["src/cli/kennis.ts", "signalen"], { cwd: REPO_ROOT, env });
    expect(signals.stdout).toMatch(/: 0 vragen gesteld/);
  }, 120_000);
});
