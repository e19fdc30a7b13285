import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addAnswerToKnowledge } from "../../src/app/learning-sink.js";
import { copyOfStarterKnowledge, openTestStore, REPO_ROOT, STARTER_KNOWLEDGE, tempDir } from "../helpers/temp-knowledge.js";

describe("learning loop", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given an approved answer, then it becomes a document of kind 'antwoord van tolk' and metadata.yaml keeps its layout", async () => {
    const knowledgeDir = copyOfStarterKnowledge(temp.dir);
    const before = fs.readFileSync(path.join(knowledgeDir, "metadata.yaml"), "utf8");
    const store = openTestStore(temp.dir);
    const file = await addAnswerToKnowledge(
      { type: "add_to_knowledge", question: "Hoe regel ik een tapvergunning?", answer: "Via het loket van de gemeente.", theme: "vergunningen" },
      "abcdef12-3456",
      { knowledgeDir, store, maxFileBytes: 1024 * 1024, now: new Date("2026-11-23T10:00:00Z") },
    );
    expect(file).toBe("antwoorden/2026-11-23-hoe-regel-ik-een-tapvergunning-abcdef12.md");
    expect(store.getDocument(file)).toMatchObject({ title: "Hoe regel ik een tapvergunning?", kind: "antwoord van tolk", themes: ["vergunningen"] });
    const after = fs.readFileSync(path.join(knowledgeDir, "metadata.yaml"), "utf8");
    expect(after.startsWith(before.trimEnd())).toBe(true);
    expect(fs.readFileSync(path.join(knowledgeDir, file), "utf8")).not.toMatch(/asker|Sanne/);
  });
});

describe("the shipped knowledge folder", () => {
  const corpus = path.join(REPO_ROOT, "..", "shared", "corpus");
  it.skipIf(!fs.existsSync(corpus))("given the shared starter corpus, then knowledge/ holds exactly its documents, byte for byte, their metadata and the vocabulary files", () => {
    const shipped = fs.readdirSync(STARTER_KNOWLEDGE).sort();
    const documents = fs.readdirSync(corpus).filter((f) => f !== "README.md").sort();
    expect(shipped).toEqual([...documents, "metadata.yaml", "synoniemen.txt", "engels-nederlands.txt"].sort());
    for (const name of documents) expect(fs.readFileSync(path.join(STARTER_KNOWLEDGE, name)).equals(fs.readFileSync(path.join(corpus, name)))).toBe(true);
  });
});
