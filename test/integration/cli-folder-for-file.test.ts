import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { copyOfStarterKnowledge, REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");

/** A maintainer who gives a folder where a file is asked for hears it in Dutch, not Node's "EISDIR: illegal operation on a directory". */
describe("a folder given where a command reads a file", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  const env = () => ({ ...process.env, DATA_DIR: path.join(temp.dir, "data"), KNOWLEDGE_DIR: copyOfStarterKnowledge(temp.dir), ROSTER_FILE: path.join(temp.dir, "roster.yaml"), LOG_LEVEL: "error" });

  for (const [label, args] of [
    ["ask --jsonl", ["src/cli/ask.ts", "--jsonl"]],
    ["eval", ["src/cli/eval.ts"]],
    ["kennis -- initiatieven import", ["src/cli/kennis.ts", "initiatieven", "import"]],
  ] as const) {
    it(`given \`${label}\` a folder, then it says in Dutch that it is a folder`, async () => {
      const failed = await run(TSX, [...args, temp.dir], { cwd: REPO_ROOT, env: env() }).then(
        () => ({ code: 0, stderr: "" }),
        (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
      );

      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain("is een map, geen bestand");
      expect(failed.stderr).not.toMatch(/EISDIR|illegal operation/);
    }, 120_000);
  }
});
