import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../src/core/gids/csv.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteGidsSignals } from "../../src/store/gids-signals.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";
import { copyOfStarterKnowledge, REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");
const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "gids", "profiles.csv");

/** `kennis -- initiatieven import|export|lijst|voorstellen`, `vergeet` and `signalen` on the gids, as real processes. */
describe("npm run kennis -- initiatieven", () => {
  const temp = tempDir();
  let env: NodeJS.ProcessEnv;
  const file = (name: string) => path.join(temp.dir, name);
  const kennis = (...args: string[]) =>
    run(TSX, ["src/cli/kennis.ts", ...args], { cwd: REPO_ROOT, env }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  const withDirectory = <T>(use: (d: SqliteInitiativeDirectory, db: ReturnType<typeof openDatabase>) => T): T => {
    const db = openDatabase(path.join(temp.dir, "data", "vliegwiel.db"));
    try { return use(new SqliteInitiativeDirectory(db), db); } finally { db.close(); }
  };

  beforeAll(() => {
    env = { ...process.env, DATA_DIR: path.join(temp.dir, "data"), KNOWLEDGE_DIR: copyOfStarterKnowledge(temp.dir), ROSTER_FILE: file("roster.yaml"), LOG_LEVEL: "error" };
  });
  afterAll(() => temp.cleanup());

  it("given the spreadsheet, when imported twice, then every profile is there once and the second run changes nothing", async () => {
    const first = await kennis("initiatieven", "import", FIXTURE);
    expect(first.stdout).toContain("42 nieuwe profielen, 0 bijgewerkt, 0 ongewijzigd");
    expect(first.code).toBe(0);
    const second = await kennis("initiatieven", "import", FIXTURE);
    expect(second.stdout).toContain("0 nieuwe profielen, 0 bijgewerkt, 42 ongewijzigd");
    withDirectory((d) => {
      expect(d.list()).toHaveLength(42);
      const woudenberg = d.get("zon-op-de-schuur-woudenberg")!;
      expect(woudenberg).toMatchObject({ version: 1, website: "https://www.zonopdeschuur-woudenberg.nl", themes: ["energie", "duurzaamheid"] });
      expect(woudenberg.contacts).toEqual([{ name: "Gerrit van den Brink", handles: { slack: "U03HGAZYX9D" }, contactable: true }]);
    });
  });

  it("given npm run ask, then a direct question is answered from the gids, with place and gemeente", async () => {
    const asked = await run(TSX, ["src/cli/ask.ts", "Welke initiatieven uit de gemeente Gulpen-Wittem staan in de gids?"], { cwd: REPO_ROOT, env });
    expect(asked.stdout).toContain("In de initiatievengids passen deze 2 initiatieven bij je vraag:");
    expect(asked.stdout).toMatch(/• De Mergellandrijders \(Mechelen, gemeente Gulpen-Wittem, Limburg\) — /);
    expect(asked.stdout).toMatch(/• Werkgroep Heggen en Graften Epen \(Epen, gemeente Gulpen-Wittem, Limburg\) — /);
  });

  it("given an export, when imported into an empty store, then the same gids comes back (round trip)", async () => {
    expect((await kennis("initiatieven", "export", file("gids.csv"))).stdout).toContain("42 profielen geschreven");
    const exported = fs.readFileSync(file("gids.csv"), "utf8");
    expect(exported.split("\n")[0]).toBe("id;naam;kern;gemeente;provincie;themas;omschrijving;ervaring;hulp_gezocht;website;status;bron;contact_naam;contact_slack;contact_discord;contact_mag_benaderd");
    const before = withDirectory((d) => d.list({ includeSuggested: true }));
    const otherEnv = { ...env, DATA_DIR: path.join(temp.dir, "data2") };
    const again = await run(TSX, ["src/cli/kennis.ts", "initiatieven", "import", file("gids.csv")], { cwd: REPO_ROOT, env: otherEnv });
    expect(again.stdout).toContain("42 nieuwe profielen");
    const db = openDatabase(path.join(temp.dir, "data2", "vliegwiel.db"));
    const after = new SqliteInitiativeDirectory(db).list({ includeSuggested: true });
    db.close();
    const content = (list: typeof before) => list.map(({ version: _v, updatedAt: _a, updatedBy: _b, ...rest }) => rest);
    expect(content(after)).toEqual(content(before));
  });

  it("given bad lines, then each is reported with its line in Dutch and every good line still goes in", async () => {
    fs.writeFileSync(file("slecht.csv"), [
      "naam;kern;gemeente;themas;omschrijving;ervaring;website;contact_naam;contact_slack;contact_mag_benaderd",
      "Dorpstuin Oost;Oost;Lopik;groen;Een tuin;moestuin;https://tuin.nl;Els;UELS;ja",
      ";;;;;;;;;",
      "Zonder Website;X;Y;;Iets;ervaring;ftp://nee;Piet;UPIET;ja",
      "Te Veel;Kolommen;a;b;c;d;e;f;g;h;i;j",
      "Vreemd Antwoord;Z;Z;;Iets;ervaring;;Kees;UKEES;misschien",
      "Dorpstuin Oost;Oost;Lopik;;;;;Jan;UJAN;nee",
      "\"Kapot citaat;A;B",
    ].join("\n"));
    const result = await kennis("initiatieven", "import", file("slecht.csv"));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("1 nieuw profiel");
    expect(result.stdout).toMatch(/regel 4: Zonder Website: Het profiel is nog niet goed: de website moet beginnen met http/);
    expect(result.stdout).toMatch(/regel 5: 12 kolommen, de kopregel heeft er 10/);
    expect(result.stdout).toMatch(/regel 6: contact_mag_benaderd is "misschien"; schrijf ja of nee/);
    expect(result.stdout).toMatch(/regel 8: .*aanhalingsteken/);
    withDirectory((d) => {
      // Two lines of one initiative: one profile with both contacts.
      expect(d.get("dorpstuin-oost")!.contacts.map((c) => c.name)).toEqual(["Els", "Jan"]);
    });
    expect(parseCsv('a;b\n"x;""y""\nz";w\n').records[1]).toEqual({ line: 2, cells: ['x;"y"\nz', "w"] });
  });

  it("given lijst and voorstellen, then the gids is listed and names from the documents become suggestions, once", async () => {
    await run(TSX, ["src/cli/ingest.ts"], { cwd: REPO_ROOT, env });
    const proposed = await kennis("initiatieven", "voorstellen");
    expect(proposed.stdout).toMatch(/voorstellen toegevoegd/);
    expect(proposed.stdout).toContain("Twentse Noabers");
    expect(proposed.stdout).toContain("Duurzaam Lopikerwaard");
    expect((await kennis("initiatieven", "voorstellen")).stdout).toContain("Geen nieuwe initiatieven gevonden");
    const list = await kennis("initiatieven", "lijst");
    expect(list.stdout).toMatch(/twentse-noabers\n\s+Twentse Noabers · voorstel uit verslag-bijeenkomst-krachten-bundelen-omzien\.txt/);
    expect(list.stdout).toMatch(/repaircafe-winsum\n.*geen contactpersoon die benaderd mag worden/);
    withDirectory((d) => expect(d.list().some((p) => p.status === "suggested")).toBe(false));
  });

  it("given vergeet, then the person is gone from every contact of the gids", async () => {
    const result = await kennis("vergeet", "slack:U03HGAZYX9D");
    expect(result.stdout).toContain("als contactpersoon van 1 initiatief uit de gids gehaald");
    withDirectory((d) => {
      expect(d.get("zon-op-de-schuur-woudenberg")!.contacts).toEqual([]);
      expect(d.ofMember({ platform: "slack", userId: "U03HGAZYX9D" })).toEqual([]);
    });
  });

  it("given signalen, then the gids's part counts profiles and shown suggestions per theme and region", async () => {
    withDirectory((_d, db) => new SqliteGidsSignals(db).recordShown({ channel: "web", initiatives: [{ id: "kulturhus-bentelo", name: "Kulturhus Bentelo", municipality: "Hof van Twente", themes: ["dorpshuis"], because: "" }] }));
    const result = await kennis("signalen", "30");
    expect(result.stdout).toContain("Initiatievengids:");
    expect(result.stdout).toMatch(/– 43 initiatieven in de gids, waarvan 37 met een contactpersoon die benaderd mag worden; \d+ voorstellen uit de documenten/);
    expect(result.stdout).toMatch(/– Initiatieven per thema: [^\n]*energie \d/);
    // Two listed by the `ask` above (Gulpen-Wittem), one recorded here.
    expect(result.stdout).toContain("– Initiatieven voorgesteld aan vragers: 3×");
    expect(result.stdout).toContain("– Voorgesteld per gemeente of regio: Gulpen-Wittem 2, Hof van Twente 1");
  });
});
