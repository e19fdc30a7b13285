import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addAnswerToKnowledge } from "../../src/app/learning-sink.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { copyOfStarterKnowledge, openTestStore, REPO_ROOT, STARTER_KNOWLEDGE, tempDir } from "../helpers/temp-knowledge.js";

describe("learning loop", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given an approved answer, then it becomes a document of kind 'antwoord van tolk' and metadata.yaml keeps its layout", async () => {
    const knowledgeDir = copyOfStarterKnowledge(temp.dir);
    const before = fs.readFileSync(path.join(knowledgeDir, "metadata.yaml"), "utf8");
    const store = openTestStore(temp.dir);
    const file = (await addAnswerToKnowledge(
      { type: "add_to_knowledge", question: "Hoe regel ik een tapvergunning?", answer: "Via het loket van de gemeente.", theme: "vergunningen" },
      "abcdef12-3456",
      { knowledgeDir, store, maxFileBytes: 1024 * 1024, now: new Date("2026-11-23T10:00:00Z") },
    ))!;
    expect(file).toBe("antwoorden/2026-11-23-hoe-regel-ik-een-tapvergunning-abcdef12.md");
    expect(store.getDocument(file)).toMatchObject({ title: "Hoe regel ik een tapvergunning?", kind: "antwoord van tolk", themes: ["vergunningen"] });
    const after = fs.readFileSync(path.join(knowledgeDir, "metadata.yaml"), "utf8");
    expect(after.startsWith(before.trimEnd())).toBe(true);
    expect(fs.readFileSync(path.join(knowledgeDir, file), "utf8")).not.toMatch(/asker|Sanne/);
  });

  it("given the same approved answer delivered again on a later day, then nothing is written twice and every later ingest still works", async () => {
    const knowledgeDir = copyOfStarterKnowledge(tempDir().dir);
    const metadataPath = path.join(knowledgeDir, "metadata.yaml");
    fs.writeFileSync(metadataPath, `# Door de beheerders bijgehouden\n${fs.readFileSync(metadataPath, "utf8")}`);
    const store = openTestStore(temp.dir + "/again");
    const effect = { type: "add_to_knowledge" as const, question: "Hoe regel ik een tapvergunning?", answer: "Via het loket van de gemeente.", theme: "vergunningen" };
    const options = { knowledgeDir, store, maxFileBytes: 1024 * 1024 };
    const first = await addAnswerToKnowledge(effect, "abcdef12-3456", { ...options, now: new Date("2026-11-23T10:00:00Z") });
    const afterFirst = fs.readFileSync(metadataPath, "utf8");
    const second = await addAnswerToKnowledge(effect, "abcdef12-3456", { ...options, now: new Date("2026-11-24T10:00:00Z") });
    expect(second).toBe(first);
    expect(fs.readFileSync(metadataPath, "utf8")).toBe(afterFirst);
    expect(afterFirst.startsWith("# Door de beheerders bijgehouden\n")).toBe(true);
    expect(fs.readdirSync(path.join(knowledgeDir, "antwoorden"))).toHaveLength(1);
    const summary = await ingestSources({ store, knowledgeDir, maxFileBytes: 1024 * 1024 });
    expect(summary.failed).toEqual([]);
  });

  it("given a broken metadata.yaml, then the error names the line, the answer is not added, and the other documents still go in", async () => {
    const knowledgeDir = copyOfStarterKnowledge(tempDir().dir);
    const metadataPath = path.join(knowledgeDir, "metadata.yaml");
    const good = fs.readFileSync(metadataPath, "utf8");
    fs.writeFileSync(metadataPath, `${good}kapot.md:\n  title: [niet gesloten\n`);
    const store = openTestStore(temp.dir + "/broken");
    await expect(addAnswerToKnowledge(
      { type: "add_to_knowledge", question: "Vraag?", answer: "Antwoord." }, "0123abcd-x", { knowledgeDir, store, maxFileBytes: 1024 * 1024 },
    )).rejects.toThrow(/metadata.yaml regel \d+/);
    const summary = await ingestSources({ store, knowledgeDir, maxFileBytes: 1024 * 1024 });
    expect(summary.added.length).toBeGreaterThanOrEqual(5);
    expect(summary.failed[0]).toMatchObject({ source: "metadata.yaml", reason: expect.stringMatching(/^regel \d+: geen geldige YAML/) });
    expect(summary.failed.every((f) => f.source === "metadata.yaml")).toBe(true);

    fs.writeFileSync(metadataPath, `${good}fout.md:\n  kind: verslag\n`);
    const entryProblem = await ingestSources({ store, knowledgeDir, maxFileBytes: 1024 * 1024 });
    const line = good.split("\n").length;
    expect(entryProblem.failed).toEqual([{ source: "metadata.yaml", reason: expect.stringContaining(`regel ${line}, bij "fout.md", veld title`) }]);
  });
});

describe("the shipped knowledge folder", () => {
  const corpus = path.join(REPO_ROOT, "..", "shared", "corpus");
  it.skipIf(!fs.existsSync(corpus))("given the shared starter corpus, then knowledge/ holds exactly its documents, byte for byte, their metadata and the vocabulary files", () => {
    const shipped = fs.readdirSync(STARTER_KNOWLEDGE).sort();
    const documents = fs.readdirSync(corpus).filter((f) => f !== "README.md").sort();
    expect(shipped).toEqual([...documents, "metadata.yaml", "synoniemen.txt", "engels-nederlands.txt", "gids-woorden.txt"].sort());
    for (const name of documents) expect(fs.readFileSync(path.join(STARTER_KNOWLEDGE, name)).equals(fs.readFileSync(path.join(corpus, name)))).toBe(true);
  });
});
