import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeLeftTemporaries, writeFileAtomically } from "../../src/ingest/write-file-atomically.js";
import { tempDir } from "../helpers/temp-knowledge.js";

describe("temporary files of atomic writes that a stop left", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a temporary file an hour old and one being written now, then only the old one is removed; the documents stay", () => {
    const folder = path.join(temp.dir, "knowledge");
    fs.mkdirSync(folder);
    writeFileAtomically(path.join(folder, "metadata.yaml"), "a: 1\n");
    const old = path.join(folder, ".metadata.yaml.1a2b3c4d.tmp");
    const fresh = path.join(folder, ".metadata.yaml.5e6f7a8b.tmp");
    const document = path.join(folder, "verslag.1a2b3c4d.tmp.md");
    for (const file of [old, fresh, document]) fs.writeFileSync(file, "x");
    const hourAgo = new Date(Date.now() - 3_600_000);
    fs.utimesSync(old, hourAgo, hourAgo);
    fs.utimesSync(document, hourAgo, hourAgo);
    expect(removeLeftTemporaries(folder)).toBe(1);
    expect(fs.existsSync(old)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(fs.existsSync(document)).toBe(true);
    expect(fs.readFileSync(path.join(folder, "metadata.yaml"), "utf8")).toBe("a: 1\n");
  });
});
