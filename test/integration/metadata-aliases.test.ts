import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { copyOfStarterKnowledge, openTestStore, tempDir } from "../helpers/temp-knowledge.js";

/**
 * Promise: a mistake in metadata.yaml is reported with its line; that block is left out and every other
 * document still goes in (README, Metadata). A block whose YAML aliases unfold into millions of values
 * (the "billion laughs") made the YAML reader throw for the whole file: no document went in, `npm start`
 * did not start, and the only message was the library's English one.
 */
describe("metadata.yaml with a block of runaway aliases", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a block whose aliases unfold too far, then that block is reported in Dutch with its line and every document still goes in", async () => {
    const knowledgeDir = copyOfStarterKnowledge(temp.dir);
    const metadataPath = path.join(knowledgeDir, "metadata.yaml");
    const good = fs.readFileSync(metadataPath, "utf8");
    const line = good.split("\n").length;
    const nested = ["a", "b", "c", "d", "e", "f"].map((name, i, all) => `  ${name}: &${name} [${Array(9).fill(i === 0 ? '"x"' : `*${all[i - 1]}`).join(", ")}]`);
    fs.writeFileSync(metadataPath, `${good}lach.md:\n  title: Lach\n  extra:\n  ${nested.join("\n  ")}\n`);
    const store = openTestStore(temp.dir);

    const summary = await ingestSources({ store, knowledgeDir, maxFileBytes: 1024 * 1024 });

    expect(summary.added).toHaveLength(5);
    expect(summary.failed).toEqual([{ source: "metadata.yaml", reason: `regel ${line}, bij "lach.md": te veel verwijzingen (YAML-aliassen); schrijf de waarden uit` }]);
    expect(store.getDocument("advies-stadmakerij-flevoland-2021.md")?.title).toBe("Flevoland op weg naar een krachtige(r) samenleving");
  });

  it("given blocks with a field missing or of the wrong kind, then each reason says in Dutch what the field needs", async () => {
    const knowledgeDir = path.join(temp.dir, "velden", "knowledge");
    fs.mkdirSync(knowledgeDir, { recursive: true });
    fs.writeFileSync(path.join(knowledgeDir, "a.md"), "# A\n\nDe buurtbus rijdt op dinsdag.\n");
    fs.writeFileSync(path.join(knowledgeDir, "metadata.yaml"), "a.md:\n  kind: verslag\nb.md:\n  title: B\n  themes: energie\nc.md:\n  title: C\n  year: [2021]\nd.md: [x]\n");
    const summary = await ingestSources({ store: openTestStore(path.dirname(knowledgeDir)), knowledgeDir, maxFileBytes: 1024 * 1024 });
    expect(summary.failed.map((f) => f.reason)).toEqual([
      'regel 1, bij "a.md", veld title: ontbreekt: elk blok heeft een title, de naam van het document',
      'regel 3, bij "b.md", veld themes: moet een lijst zijn, bijvoorbeeld [energie, wonen]',
      'regel 6, bij "c.md", veld year: moet een jaartal zijn, bijvoorbeeld 2021',
      'regel 9, bij "d.md", veld (geheel): verwacht onder de bestandsnaam een blok met title, kind, themes, …',
    ]);
    expect(summary.added).toEqual(["a.md"]);
  });

  it("given a block with an alias whose anchor is not set before it, then that is what its reason says, not too many aliases", async () => {
    const knowledgeDir = path.join(temp.dir, "anker", "knowledge");
    fs.mkdirSync(knowledgeDir, { recursive: true });
    fs.writeFileSync(path.join(knowledgeDir, "a.md"), "# A\n\nDe buurtbus rijdt op dinsdag.\n");
    fs.writeFileSync(path.join(knowledgeDir, "b.md"), "# B\n\nDe moestuin is open op zaterdag.\n");
    fs.writeFileSync(path.join(knowledgeDir, "metadata.yaml"), "a.md:\n  title: A\n  themes: *themas\nb.md:\n  title: B\n  themes: &themas [vervoer]\n");
    const store = openTestStore(path.dirname(knowledgeDir));
    const summary = await ingestSources({ store, knowledgeDir, maxFileBytes: 1024 * 1024 });
    expect(summary.failed).toEqual([
      { source: "metadata.yaml", reason: 'regel 1, bij "a.md": verwijzing *themas zonder anker &themas ervoor; zet &themas eerder in het bestand, of schrijf de waarde uit' },
    ]);
    expect(summary.added.sort()).toEqual(["a.md", "b.md"]);
    expect(store.getDocument("b.md")?.themes).toEqual(["vervoer"]);
  });
});
