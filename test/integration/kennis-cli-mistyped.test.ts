import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");

/**
 * Promise: bad input gets a clear error (common rules); a command that does not exist is named before
 * the list of commands, with exit code 2 (as `kennis` itself does). `initiatieven importeer` (the Dutch
 * verb a maintainer types) showed only the list, not what was wrong.
 */
describe("a mistyped initiatieven command", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given kennis -- initiatieven importeer, then the unknown command is named before the list, with exit code 2", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(knowledgeDir);
    const env = { ...process.env, DATA_DIR: path.join(temp.dir, "data"), KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "error" };
    const result = await run(TSX, ["src/cli/kennis.ts", "initiatieven", "importeer", "gids.csv"], { cwd: REPO_ROOT, env }).then(
      () => ({ code: 0, stdout: "" }),
      (e: { code: number; stdout: string }) => e,
    );
    expect(result.code).toBe(2);
    expect(result.stdout.split("\n")[0]).toBe('Onbekende opdracht: "initiatieven importeer". Dit zijn de opdrachten:');
    expect(result.stdout).toContain("initiatieven import <bestand.csv>");
  });
});
