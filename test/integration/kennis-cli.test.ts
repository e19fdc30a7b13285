import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePdf } from "../helpers/make-pdf.js";
import { copyOfStarterKnowledge, REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");

/** The maintainers' `kennis` and `ingest` commands, run as real processes on a copy of the starter knowledge. */
describe("npm run kennis", () => {
  const temp = tempDir();
  let knowledgeDir: string;
  let env: NodeJS.ProcessEnv;
  const incoming = path.join(temp.dir, "downloads");
  const cli = (script: string, ...args: string[]) =>
    run(TSX, [`src/cli/${script}.ts`, ...args], { cwd: REPO_ROOT, env }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(async () => {
    knowledgeDir = copyOfStarterKnowledge(temp.dir);
    env = { ...process.env, DATA_DIR: path.join(temp.dir, "data"), KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "error" };
    fs.mkdirSync(incoming);
    expect((await cli("ingest")).code).toBe(0);
  });
  afterAll(() => temp.cleanup());

  it("given broken files, then each gets a Dutch reason, none is kept in the knowledge folder, and the next ingest is clean", async () => {
    const files = {
      "kapot.pdf": Buffer.from("%PDF-1.4\nhier is iets misgegaan"),
      "leeg.txt": Buffer.alloc(0),
      "notulen.xyz": Buffer.from("Notulen van de dorpsraad"),
      "nep.docx": Buffer.from("Dit is platte tekst met een docx-naam."),
    };
    for (const [name, bytes] of Object.entries(files)) fs.writeFileSync(path.join(incoming, name), bytes);

    const added = await cli("kennis", "add", ...Object.keys(files).map((f) => path.join(incoming, f)));

    expect(added.code).toBe(1);
    expect(added.stdout).toContain("0 toegevoegd");
    expect(added.stdout).toMatch(/kapot\.pdf: geen geldige PDF/);
    expect(added.stdout).toMatch(/leeg\.txt: het bestand is leeg/);
    expect(added.stdout).toMatch(/notulen\.xyz: bestandstype \.xyz wordt niet ondersteund/);
    expect(added.stdout).toMatch(/nep\.docx: geen leesbaar Word-bestand/);
    expect(added.stdout).toContain("niet in de kennismap gezet");
    // Libraries' own English messages stay out of what a maintainer reads.
    expect(added.stdout + added.stderr).not.toMatch(/Invalid PDF|central directory|zip file|Error:/i);
    for (const name of Object.keys(files)) expect(fs.existsSync(path.join(knowledgeDir, name))).toBe(false);

    const ingest = await cli("ingest");
    expect(ingest.code).toBe(0);
    expect(ingest.stdout).toContain("0 mislukt");
  }, 240_000);

  it("given LOG_LEVEL=debug, then the technical cause of a failure is shown as well", async () => {
    fs.writeFileSync(path.join(incoming, "stuk.pdf"), "%PDF-1.4\nstuk");
    const previous = env;
    env = { ...env, LOG_LEVEL: "debug" };
    const added = await cli("kennis", "add", path.join(incoming, "stuk.pdf"));
    env = previous;
    expect(added.stdout).toMatch(/stuk\.pdf: geen geldige PDF: .*\[.+\]/);
  }, 240_000);

  it("given a broken version of a document that is already in, then the earlier version stays, in the store and in the folder", async () => {
    const good = path.join(incoming, "werkgroep.pdf");
    fs.writeFileSync(good, makePdf([["Werkgroep groen", "De werkgroep groen onderhoudt de pluktuin aan de Molenweg."]]));
    expect((await cli("kennis", "add", good)).code).toBe(0);
    const before = fs.readFileSync(path.join(knowledgeDir, "werkgroep.pdf"));

    fs.writeFileSync(good, "%PDF-1.4 half overgekomen");
    const broken = await cli("kennis", "add", good);

    expect(broken.code).toBe(1);
    expect(fs.readFileSync(path.join(knowledgeDir, "werkgroep.pdf"))).toEqual(before);
    expect((await cli("kennis", "list")).stdout).toContain("werkgroep.pdf\n  werkgroep · document · 1 passage");
    expect((await cli("ingest")).code).toBe(0);
  }, 240_000);

  it("given a file that failed and sits in the knowledge folder, then remove takes it out", async () => {
    fs.writeFileSync(path.join(knowledgeDir, "handmatig.pdf"), "%PDF-1.4 met de hand neergezet");
    expect((await cli("ingest")).code).toBe(1);

    const removed = await cli("kennis", "remove", "handmatig.pdf");

    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain("Verwijderd uit de kennismap: handmatig.pdf (het stond niet in de kennisbank, want het kon niet gelezen worden).");
    expect(fs.existsSync(path.join(knowledgeDir, "handmatig.pdf"))).toBe(false);
    expect((await cli("ingest")).code).toBe(0);
    const unknown = await cli("kennis", "remove", "bestaat-niet.pdf");
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("staat niet in de kennisbank en niet in de kennismap");
    const own = await cli("kennis", "remove", "metadata.yaml");
    expect(own.code).toBe(1);
    expect(own.stderr).toContain("is geen document maar een bestand van de kennismap zelf");
    expect(fs.existsSync(path.join(knowledgeDir, "metadata.yaml"))).toBe(true);
  }, 240_000);

  it("given a readable file in the knowledge folder that is not read in yet (as while `kennis -- add` of it runs), then remove takes it out without saying it could not be read", async () => {
    // The state an add is in between copying the file in and reading it in; no sync has run since.
    fs.writeFileSync(path.join(knowledgeDir, "onderweg.md"), "# Onderweg\n\nDe fietsenstalling bij het dorpshuis is weer open.\n");

    const removed = await cli("kennis", "remove", "onderweg.md");

    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain("Verwijderd uit de kennismap: onderweg.md");
    expect(removed.stdout).toContain("nog niet ingelezen");
    expect(removed.stdout).not.toContain("kon niet gelezen worden");
    expect(fs.existsSync(path.join(knowledgeDir, "onderweg.md"))).toBe(false);
  }, 240_000);

  it("given a document that was read in, then remove names it by its file and its title", async () => {
    fs.writeFileSync(path.join(incoming, "ijsbaan.md"), "# Verslag ijsbaan\n\nDe ijsbaan is in januari geopend door de buurtvereniging.\n");
    expect((await cli("kennis", "add", path.join(incoming, "ijsbaan.md"))).code).toBe(0);
    const removed = await cli("kennis", "remove", "ijsbaan.md");
    expect(removed.stdout).toContain("Verwijderd uit de kennisbank en de kennismap: ijsbaan.md (Verslag ijsbaan).");
  }, 240_000);

  it("given a document named as a path (./verslagen/feest.md, as a shell completes it), then remove takes it out of the store too, not only its file", async () => {
    fs.mkdirSync(path.join(knowledgeDir, "verslagen"), { recursive: true });
    fs.writeFileSync(path.join(knowledgeDir, "verslagen", "feest.md"), "# Verslag buurtfeest\n\nHet buurtfeest kostte driehonderd euro aan tenten.\n");
    expect((await cli("ingest")).code).toBe(0);
    const removed = await cli("kennis", "remove", "./verslagen/feest.md");
    expect(removed.stdout).toContain("Verwijderd uit de kennisbank en de kennismap: verslagen/feest.md (Verslag buurtfeest).");
    expect(fs.existsSync(path.join(knowledgeDir, "verslagen", "feest.md"))).toBe(false);
    expect((await cli("kennis", "list")).stdout).not.toContain("feest");
  }, 240_000);

  it("given `ingest` of a file outside the knowledge folder, then it is refused with a hint to `kennis -- add` and no path outside the folder is stored", async () => {
    const outside = path.join(incoming, "buiten.md");
    fs.writeFileSync(outside, "# Verslag buiten\n\nDe speeltuin aan de Dorpsstraat krijgt een nieuwe schommel.\n");

    const ingest = await cli("ingest", outside);

    expect(ingest.code).toBe(1);
    expect(ingest.stdout).toContain("0 toegevoegd");
    expect(ingest.stdout).toMatch(/buiten\.md: staat buiten de kennismap.*npm run kennis -- add/);
    const list = await cli("kennis", "list");
    expect(list.stdout).not.toContain(temp.dir);
    expect(list.stdout).not.toContain("buiten.md");
  }, 240_000);

  it("given a command that does not exist, then it is named before the list of commands, with exit code 2", async () => {
    const wrong = await cli("kennis", "status");
    expect(wrong.code).toBe(2);
    expect(wrong.stdout).toMatch(/^Onbekende opdracht: "status"\. Dit zijn de opdrachten:\n\nGebruik: npm run kennis/);
  }, 240_000);

  it("given the lists for maintainers, then counts and labels are Dutch", async () => {
    await cli("ask", "Hoe vraag ik een kapvergunning aan voor de boom in onze tuin?");
    const list = await cli("kennis", "list");
    expect(list.stdout).toMatch(/· 1 passage ·/);
    expect(list.stdout).not.toMatch(/\b1 passages\b/);
    expect(list.stdout).toMatch(/\n6 documenten, \d+ passages\.\n/);
    const unanswered = await cli("kennis", "onbeantwoord", "1");
    expect(unanswered.stdout).toContain("(opdrachtregel; niet in de kennisbank)  Hoe vraag ik een kapvergunning aan");
    expect(unanswered.stdout).not.toMatch(/not-in-knowledge|\[cli/);
  }, 240_000);
});
