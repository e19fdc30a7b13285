import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addAnswerToKnowledge } from "../../src/app/learning-sink.js";
import { copyOfStarterKnowledge, openTestStore, tempDir } from "../helpers/temp-knowledge.js";

const prlimit = ["/usr/bin/prlimit", "/bin/prlimit"].find((p) => fs.existsSync(p));

/**
 * Lets this process write no file beyond `bytes` (RLIMIT_FSIZE, as a full disk or quota does: the write
 * fails with EFBIG partway; Node ignores SIGXFSZ), only while `run` runs.
 */
async function withFileSizeLimit<T>(bytes: number, run: () => Promise<T>): Promise<T> {
  execFileSync(prlimit!, ["--pid", String(process.pid), `--fsize=${bytes}:unlimited`]);
  try {
    return await run();
  } finally {
    execFileSync(prlimit!, ["--pid", String(process.pid), "--fsize=unlimited:unlimited"]);
  }
}

/**
 * Promise: the learning loop adds a block to metadata.yaml keeping the maintainers' file as it is, and a
 * failed delivery is retried (README, Handing a question to a person / Introductions). A write that
 * fails halfway (a full disk, a crash) must not leave metadata.yaml cut off: every document's title
 * and the maintainers' comments are in it, and a cut-off file stops every later learning-loop write.
 */
describe.skipIf(!prlimit)("learning loop when the disk fills up mid-write", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given metadata.yaml cannot be written to its end, then the old metadata.yaml stays whole and no half file is left; the retry adds the block", async () => {
    const knowledgeDir = copyOfStarterKnowledge(temp.dir);
    const metadataPath = path.join(knowledgeDir, "metadata.yaml");
    const before = fs.readFileSync(metadataPath, "utf8");
    const store = openTestStore(temp.dir);
    const effect = { type: "add_to_knowledge" as const, question: "Hoe regel ik een tapvergunning?", answer: "Via het loket van de gemeente.", theme: "vergunningen" };
    const options = { knowledgeDir, store, maxFileBytes: 1024 * 1024, now: new Date("2026-11-23T10:00:00Z") };

    const failed = await withFileSizeLimit(Buffer.byteLength(before) - 200, () => addAnswerToKnowledge(effect, "abcdef12-3456", options).then(() => undefined, (error: Error) => error));
    expect((failed as NodeJS.ErrnoException | undefined)?.code).toBe("EFBIG");
    expect(fs.readFileSync(metadataPath, "utf8")).toBe(before);
    expect(fs.readdirSync(knowledgeDir).filter((name) => name.endsWith(".tmp"))).toEqual([]);

    // With room again, the retry (the outbox tries again) adds the answer and its block once.
    const file = (await addAnswerToKnowledge(effect, "abcdef12-3456", options))!;
    const after = fs.readFileSync(metadataPath, "utf8");
    expect(after.startsWith(before.trimEnd())).toBe(true);
    expect(after).toContain(file);
    expect(store.getDocument(file)).toMatchObject({ title: "Hoe regel ik een tapvergunning?" });
  });
});
