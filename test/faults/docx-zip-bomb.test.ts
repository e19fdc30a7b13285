import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { loadDocx } from "../../src/ingest/loaders/load-docx.js";
import { REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";
import { zipBombDocx } from "../helpers/zip-bomb.js";

const run = promisify(execFile);
const TSX = path.join(REPO_ROOT, "node_modules", ".bin", "tsx");

/**
 * Promise: a bad file gets a one-line reason in Dutch and the other files still go in; `kennis -- add`
 * keeps no file it could not read (README, Adding documents). A .docx that is a zip bomb (400 kB that
 * unpacks to 400 MB) ran the process out of memory: the command died without a word, the file stayed in
 * knowledge/, and every later sync (and the assistant's start, and an upload in the team view) died on it.
 */
describe("a .docx that is a zip bomb", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given kennis -- add of a zip bomb beside a good file, then it is refused with a reason, the good file goes in, and the bomb is not kept", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(knowledgeDir);
    const bomb = path.join(temp.dir, "bom.docx");
    fs.writeFileSync(bomb, zipBombDocx(400));
    expect(fs.statSync(bomb).size).toBeLessThan(1024 * 1024);
    const good = path.join(temp.dir, "verslag.md");
    fs.writeFileSync(good, "# Verslag\n\nDe buurtbus rijdt elke dinsdag naar de markt in het dorp.\n");
    const env = { ...process.env, DATA_DIR: path.join(temp.dir, "data"), KNOWLEDGE_DIR: knowledgeDir, LOG_LEVEL: "error" };
    const result = await run(TSX, ["src/cli/kennis.ts", "add", bomb, good], { cwd: REPO_ROOT, env }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
    expect(result.stdout).toContain("✗ bom.docx: uitgepakt veel te groot");
    expect(result.code).toBe(1);
    expect(fs.readdirSync(knowledgeDir).sort()).toEqual(["verslag.md"]);
  }, 120_000);

  it("given a zip bomb's part that claims a small size, then what it really unpacks to counts", async () => {
    const bytes = zipBombDocx(60);
    // The central directory's and the local header's sizes say 1 kB; the deflated stream holds 60 MB.
    const directory = bytes.lastIndexOf(Buffer.from("word/document.xml")) - 46;
    bytes.writeUInt32LE(1024, directory + 24);
    await expect(loadDocx(bytes)).rejects.toThrow(/uitgepakt veel te groot/);
  });

  it("given a Word file whose text part unpacks to 20 MB (the Word reader would hold some 2 GB for it), then it is refused before it is read", async () => {
    await expect(loadDocx(zipBombDocx(20))).rejects.toThrow(/uitgepakt veel te groot \(meer dan 200 MB, of meer dan 16 MB tekst in één deel\)/);
  });
});
