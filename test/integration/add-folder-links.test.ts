import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addToKnowledgeFolder } from "../../src/ingest/add-to-knowledge-folder.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { openTestStore, tempDir } from "../helpers/temp-knowledge.js";

describe("kennis -- add of a folder with symbolic links in it", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a link back to a folder above (a loop), then the folder's files are added and the link is passed by, as the sync itself does; no ELOOP crash", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    const folder = path.join(temp.dir, "map");
    fs.mkdirSync(knowledgeDir);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "verslag.txt"), "Het buurthuis zoekt vrijwilligers voor de moestuin.\n");
    fs.symlinkSync("..", path.join(folder, "lus"));
    const store = openTestStore(temp.dir);
    const summary = await addToKnowledgeFolder([folder], { store, knowledgeDir, maxFileBytes: 1024 * 1024 });
    expect(summary.failed).toEqual([]);
    expect(summary.added).toEqual(["map/verslag.txt"]);
    expect(fs.readdirSync(path.join(knowledgeDir, "map"))).toEqual(["verslag.txt"]);
  });
});

describe("kennis -- add and ingest of something that is no file", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a named pipe or a link to /dev/zero, then a Dutch refusal instead of a read that never ends (the command hung)", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(knowledgeDir);
    const pipe = path.join(temp.dir, "wacht.txt");
    execFileSync("mkfifo", [pipe]);
    const zeros = path.join(knowledgeDir, "nul.txt");
    fs.symlinkSync("/dev/zero", zeros);
    const store = openTestStore(temp.dir);
    const options = { store, knowledgeDir, maxFileBytes: 1024 * 1024 };
    await expect(addToKnowledgeFolder([pipe], options)).rejects.toThrow(/wacht\.txt: dit is geen gewoon bestand/);
    await expect(ingestSources({ ...options, sources: [zeros] })).rejects.toThrow(/nul\.txt: dit is geen gewoon bestand/);
  });
});

describe("kennis -- add of a file whose name holds a newline or an invisible mark", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given such a file, alone or in a folder, then it is refused in Dutch (it would stand unseen in the id and break `list`); the folder's other files are added", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    const folder = path.join(temp.dir, "stukken");
    fs.mkdirSync(knowledgeDir);
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "notulen.txt"), "De dorpsraad vergadert elke eerste maandag van de maand.\n");
    fs.writeFileSync(path.join(folder, "verslag\u200F.txt"), "Het buurthuis zoekt vrijwilligers voor de moestuin.\n");
    const alone = path.join(temp.dir, "jaarplan\n2025.md");
    fs.writeFileSync(alone, "# Jaarplan\n\nWe willen een repair café beginnen.\n");
    const store = openTestStore(temp.dir);
    const options = { store, knowledgeDir, maxFileBytes: 1024 * 1024 };
    const summary = await addToKnowledgeFolder([folder], options);
    expect(summary.added).toEqual(["stukken/notulen.txt"]);
    expect(summary.failed).toEqual([{ source: "stukken/verslag\u200F.txt", reason: expect.stringContaining("onzichtbare tekens") }]);
    await expect(addToKnowledgeFolder([alone], options)).rejects.toThrow(/"jaarplan\?2025\.md": de naam bevat een regeleinde/);
    expect(fs.readdirSync(knowledgeDir).sort()).toEqual(["stukken"]);
    expect(fs.readdirSync(path.join(knowledgeDir, "stukken"))).toEqual(["notulen.txt"]);
  });
});
