import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { folderFingerprint } from "../../src/ingest/folder-fingerprint.js";
import { tempDir } from "../helpers/temp-knowledge.js";

describe("the knowledge folder's fingerprint", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a writer's lock or temporary file beside metadata.yaml, then the fingerprint is as without it; a changed document changes it", () => {
    fs.writeFileSync(path.join(temp.dir, "metadata.yaml"), "a.md:\n  title: A\n");
    fs.writeFileSync(path.join(temp.dir, "a.md"), "# A\n");
    const before = folderFingerprint(temp.dir, 1024);
    fs.writeFileSync(path.join(temp.dir, ".metadata.yaml.lock"), "{}");
    fs.writeFileSync(path.join(temp.dir, ".metadata.yaml.1a2b3c4d.tmp"), "a.md:\n");
    expect(folderFingerprint(temp.dir, 1024)).toBe(before);
    fs.writeFileSync(path.join(temp.dir, "a.md"), "# A, langer\n");
    expect(folderFingerprint(temp.dir, 1024)).not.toBe(before);
  });
});
