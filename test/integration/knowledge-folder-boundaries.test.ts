import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDocumentFromChat } from "../../src/app/add-document-from-chat.js";
import { openTestStore, REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");
const SYNONYMS = "geld, potje => financiering, subsidie\nvrijwilliger, vrijwillige inzet\n";

/** What `kennis` and an upload from chat may touch: documents inside the knowledge folder, never its own files or what lies outside. */
describe("the knowledge folder's boundaries", () => {
  const temp = tempDir();
  const knowledgeDir = path.join(temp.dir, "knowledge");
  const victim = path.join(temp.dir, "roster.yaml");
  const env = { ...process.env, DATA_DIR: path.join(temp.dir, "data"), KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "error" };
  const kennis = (...args: string[]) =>
    run(TSX, ["src/cli/kennis.ts", ...args], { cwd: REPO_ROOT, env }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  beforeAll(() => {
    fs.mkdirSync(knowledgeDir);
    fs.writeFileSync(path.join(knowledgeDir, "verslag.md"), "# Verslag\n\nDe buurtbus rijdt voortaan ook op zaterdag.\n");
    fs.writeFileSync(path.join(knowledgeDir, "synoniemen.txt"), SYNONYMS);
    fs.writeFileSync(victim, "members: []\n");
  });
  afterAll(() => temp.cleanup());

  it("given `kennis -- remove` with a path that leaves the folder, then nothing outside it is removed", async () => {
    for (const ref of ["../roster.yaml", "../knowledge/../roster.yaml"]) {
      const result = await kennis("remove", ref);
      expect(result.code, ref).not.toBe(0);
      expect(result.stderr, ref).toMatch(/staat niet in de kennisbank/);
    }
    expect(fs.existsSync(victim)).toBe(true);
  });

  it("given `kennis -- remove` of a folder inside the knowledge folder, then it says it is a folder, not that it is missing, and the folder stays", async () => {
    fs.mkdirSync(path.join(knowledgeDir, "oud"), { recursive: true });
    fs.writeFileSync(path.join(knowledgeDir, "oud", "notitie.md"), "# Notitie\n\nEen oude notitie.\n");
    const result = await kennis("remove", "oud");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"oud" is een map, geen document');
    expect(fs.existsSync(path.join(knowledgeDir, "oud", "notitie.md"))).toBe(true);
  });

  it("given `kennis -- remove` of the folder's own vocabulary file, then it stays", async () => {
    expect((await kennis("remove", "synoniemen.txt")).code).not.toBe(0);
    expect(fs.readFileSync(path.join(knowledgeDir, "synoniemen.txt"), "utf8")).toBe(SYNONYMS);
  });

  it("given `kennis -- add` of a file named like a vocabulary file, then it is refused by name and the vocabulary stays", async () => {
    const outside = path.join(temp.dir, "elders");
    fs.mkdirSync(outside);
    fs.writeFileSync(path.join(outside, "synoniemen.txt"), "een regel\n");
    const result = await kennis("add", path.join(outside, "synoniemen.txt"));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/"synoniemen\.txt" is een vaste naam in de kennismap/);
    expect(fs.readFileSync(path.join(knowledgeDir, "synoniemen.txt"), "utf8")).toBe(SYNONYMS);
  });

  it("given an upload from chat named like the folder's own files, then it is refused and nothing is replaced or read in", async () => {
    const store = openTestStore(path.join(temp.dir, "upload"));
    for (const fileName of ["synoniemen.txt", "README.md", "metadata.yaml", "engels-nederlands.txt"]) {
      const result = await addDocumentFromChat({ fileName, bytes: Buffer.from("Eén regel tekst.\n") }, { knowledgeDir, store, maxFileBytes: 1024 * 1024 });
      // (metadata.yaml is no readable document type to begin with)
      expect(result, fileName).toMatch(fileName === "metadata.yaml" ? /kan ik niet lezen/ : /vaste naam in de kennismap/);
      expect(store.getDocument(fileName), fileName).toBeUndefined();
    }
    expect(fs.readFileSync(path.join(knowledgeDir, "synoniemen.txt"), "utf8")).toBe(SYNONYMS);
    expect(fs.existsSync(path.join(knowledgeDir, "README.md"))).toBe(false);
    expect(fs.existsSync(path.join(knowledgeDir, "metadata.yaml"))).toBe(false);
  });
});
