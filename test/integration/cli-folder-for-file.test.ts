import { execFile } from "node:child_process";
import fs from "node:fs";
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

  it("given `npm start` with DATA_DIR or KNOWLEDGE_DIR naming a file, or DATABASE_PATH a folder, then it says so in Dutch, not Node's EEXIST or ENOTDIR or SQLite's English", async () => {
    const file = path.join(temp.dir, "geen-map.txt");
    fs.writeFileSync(file, "een bestand");
    for (const setting of ["DATA_DIR", "KNOWLEDGE_DIR"]) {
      const failed = await run(TSX, ["src/main.ts"], { cwd: REPO_ROOT, env: { ...env(), WEB_PORT: "0", [setting]: file } }).then(
        () => ({ code: 0, output: "" }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: `${e.stdout}${e.stderr}` }),
      );
      expect(failed.code, setting).toBe(1);
      expect(failed.output, setting).toMatch(/starten mislukt: .*geen-map\.txt(:| is)/);
      expect(failed.output, setting).toMatch(/een bestand, geen map/);
      expect(failed.output, setting).not.toMatch(/EEXIST|ENOTDIR/);
    }
    // DATABASE_PATH naming a folder: SQLite's "unable to open database file" named no path and no cause.
    const folder = path.join(temp.dir, "db-map");
    fs.mkdirSync(folder);
    const failed = await run(TSX, ["src/main.ts"], { cwd: REPO_ROOT, env: { ...env(), WEB_PORT: "0", DATABASE_PATH: folder } }).then(
      () => ({ code: 0, output: "" }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, output: `${e.stdout}${e.stderr}` }),
    );
    expect(failed.code).toBe(1);
    expect(failed.output).toContain(`starten mislukt: de database ${folder} kan niet geopend worden: is het een map`);
    expect(failed.output).not.toContain("unable to open database file");
  }, 120_000);
});
