import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addAnswerToKnowledge } from "../../src/app/learning-sink.js";
import { withFileLock } from "../../src/ingest/file-lock.js";
import { copyOfStarterKnowledge, openTestStore, tempDir } from "../helpers/temp-knowledge.js";

/** An approval delivered while `kennis -- vergeet` holds metadata.yaml's lock must not write the forgotten question back. */
describe("the learning loop and a vergeet that ran while it waited", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  const effect = { type: "add_to_knowledge" as const, question: "Hoe regel ik de huur van de zaal voor Sanne's afscheid?", answer: "Via de beheerder van het dorpshuis." };

  it("given the asker forgotten while the delivery waited for the lock, then nothing is written: no answer file, no block, nothing in the store", async () => {
    const knowledgeDir = copyOfStarterKnowledge(path.join(temp.dir, "a"));
    const metadataPath = path.join(knowledgeDir, "metadata.yaml");
    const before = fs.readFileSync(metadataPath, "utf8");
    const store = openTestStore(path.join(temp.dir, "a"));
    let forgotten = false;
    let delivery: Promise<string | undefined> | undefined;
    // vergeet holds the lock; the delivery starts meanwhile and waits; vergeet forgets the asker and lets go.
    await withFileLock(metadataPath, async () => {
      delivery = addAnswerToKnowledge(effect, "abcdef12-3456", { knowledgeDir, store, maxFileBytes: 1024 * 1024, stillWanted: () => !forgotten });
      await new Promise((resolve) => setTimeout(resolve, 200));
      forgotten = true;
    });
    expect(await delivery).toBeUndefined();
    expect(fs.existsSync(path.join(knowledgeDir, "antwoorden"))).toBe(false);
    expect(fs.readFileSync(metadataPath, "utf8")).toBe(before);
    expect(store.listDocuments().some((d) => /Sanne/.test(d.title))).toBe(false);
  });

  it("given the asker not forgotten, then the same delivery writes the answer once the lock is free", async () => {
    const knowledgeDir = copyOfStarterKnowledge(path.join(temp.dir, "b"));
    const store = openTestStore(path.join(temp.dir, "b"));
    const file = await addAnswerToKnowledge(effect, "abcdef12-3456", { knowledgeDir, store, maxFileBytes: 1024 * 1024, stillWanted: () => true });
    expect(file).toMatch(/^antwoorden\/.*-abcdef12\.md$/);
    expect(fs.existsSync(path.join(knowledgeDir, file!))).toBe(true);
  });
});
