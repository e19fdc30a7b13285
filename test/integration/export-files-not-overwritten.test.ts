import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");

/** `kennis -- signalen --csv` and `initiatieven export` as real processes: an existing file is kept, as `backup` keeps one. */
describe("the exports of `kennis` and an existing file", () => {
  const temp = tempDir();
  const file = (name: string) => path.join(temp.dir, name);
  const env = { ...process.env, DATA_DIR: file("data"), KNOWLEDGE_DIR: file("knowledge"), ROSTER_FILE: file("roster.yaml"), LOG_LEVEL: "error" };
  const kennis = (...args: string[]) =>
    run(TSX, ["src/cli/kennis.ts", ...args], { cwd: REPO_ROOT, env }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  const KEPT = "mijn eigen aantekeningen\n";

  beforeAll(() => {
    fs.mkdirSync(file("knowledge"));
    fs.writeFileSync(file("knowledge/verslag.md"), "# Verslag\n\nDe buurtbus rijdt voortaan ook op zaterdag.\n");
  });
  afterAll(() => temp.cleanup());

  for (const [label, args, header] of [
    ["signalen --csv", ["signalen", "--csv"], "datum;status;thema"],
    ["initiatieven export", ["initiatieven", "export"], "id;naam;kern"],
  ] as const) {
    it(`given \`${label}\` to a file that exists, then it is refused in Dutch and the file stays; with --overschrijf it is written`, async () => {
      const target = file(`${args[0]}.csv`);
      fs.writeFileSync(target, KEPT);

      const refused = await kennis(...args, target);

      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(`${target} bestaat al; kies een nieuwe naam (er wordt niets overschreven)`);
      expect(refused.stderr).toContain("--overschrijf");
      expect(fs.readFileSync(target, "utf8")).toBe(KEPT);

      const written = await kennis(...args, target, "--overschrijf");

      expect(written.code).toBe(0);
      expect(fs.readFileSync(target, "utf8").replace(/^\uFEFF/, "")).toMatch(new RegExp(`^${header}`));
    }, 120_000);

    it(`given \`${label}\` to a folder that does not exist, or to a folder, then it says so in Dutch`, async () => {
      const missing = file(`geen-map-${args[0]}/uit.csv`);

      const noFolder = await kennis(...args, missing);

      expect(noFolder.code).toBe(1);
      expect(noFolder.stderr).toContain(`de map ${path.dirname(missing)} bestaat niet; controleer het pad`);
      expect(noFolder.stderr).not.toMatch(/ENOENT|no such file/);
      expect(fs.existsSync(path.dirname(missing))).toBe(false);

      for (const extra of [[], ["--overschrijf"]]) {
        const folder = await kennis(...args, temp.dir, ...extra);

        expect(folder.code).toBe(1);
        expect(folder.stderr).toContain(`${temp.dir} is een map; geef een bestandsnaam`);
        expect(folder.stderr).not.toMatch(/EISDIR|illegal operation/);
      }
    }, 120_000);
  }
});
