import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { addDocumentFromChat } from "../../src/app/add-document-from-chat.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import type { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { openTestStore, tempDir } from "../helpers/temp-knowledge.js";

const MB = 1024 * 1024;
const ORIGINAL = "# Verslag dorpsavond\n\nHet dorpshuis kreeg een lening uit het revolverend fonds van de provincie.\n";

describe("adding a document from chat with the name of an existing file", () => {
  let temp: ReturnType<typeof tempDir>;
  let knowledgeDir: string;
  let store: KnowledgeStore;
  const options = () => ({ knowledgeDir, store, maxFileBytes: 20 * MB });

  beforeEach(async () => {
    temp = tempDir();
    knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(knowledgeDir);
    fs.writeFileSync(path.join(knowledgeDir, "verslag.md"), ORIGINAL);
    store = openTestStore(temp.dir);
    await ingestSources({ store, knowledgeDir, maxFileBytes: 20 * MB });
  });
  afterEach(() => temp.cleanup());

  it("given an upload that cannot be read, then the existing file and its passages stay as they were", async () => {
    const result = await addDocumentFromChat({ fileName: "verslag.md", bytes: Buffer.from([0, 1, 2, 3, 0]) }, options());
    expect(result).toMatch(/1 mislukt.*verslag\.md: dit lijkt geen tekstbestand/);
    expect(fs.readFileSync(path.join(knowledgeDir, "verslag.md"), "utf8")).toBe(ORIGINAL);
    expect(store.passagesOf("verslag.md").map((p) => p.text).join(" ")).toContain("revolverend fonds");
    expect(fs.readdirSync(knowledgeDir)).toEqual(["verslag.md"]); // no temporary file left behind
  });

  it("given a readable upload of the same name, then it replaces the file and its passages", async () => {
    const result = await addDocumentFromChat({ fileName: "verslag.md", bytes: Buffer.from("# Verslag dorpsavond\n\nDe buurtbus rijdt voortaan ook op zaterdag.\n") }, options());
    expect(result).toMatch(/1 bijgewerkt/);
    expect(fs.readFileSync(path.join(knowledgeDir, "verslag.md"), "utf8")).toContain("buurtbus");
    expect(store.passagesOf("verslag.md").map((p) => p.text).join(" ")).toContain("buurtbus");
    expect(fs.readdirSync(knowledgeDir)).toEqual(["verslag.md"]);
  });

  it("given another upload of the same name that lands while this one is read in, then the stored passages are those of the file that stands", async () => {
    // The upload is read once, in a worker, before it is put in place; the store then hashes the file in place. A second
    // upload of the name (another coordinator, the same moment) that lands in between must not get the first's passages
    // under its own hash: then it would count as read in, unchanged, for good.
    const other = "# Verslag dorpsavond\n\nHet repaircafé zoekt een nieuwe plek in de bibliotheek.\n";
    const rename = fs.renameSync;
    const spy = vi.spyOn(fs, "renameSync").mockImplementation((from, to) => {
      rename(from, to);
      if (String(from).includes(".upload-") && !String(from).includes(".upload-other")) {
        const landing = path.join(knowledgeDir, ".upload-other-verslag.md");
        fs.writeFileSync(landing, other);
        rename(landing, to);
      }
    });
    try {
      await addDocumentFromChat({ fileName: "verslag.md", bytes: Buffer.from("# Verslag dorpsavond\n\nDe buurtbus rijdt voortaan ook op zaterdag.\n") }, options());
    } finally {
      spy.mockRestore();
    }
    expect(fs.readFileSync(path.join(knowledgeDir, "verslag.md"), "utf8")).toBe(other);
    const stored = store.passagesOf("verslag.md").map((p) => p.text).join(" ");
    expect(stored).toContain("repaircafé");
    expect(stored).not.toContain("buurtbus");
  });

  it("given an unreadable new file, then nothing of it is kept", async () => {
    const result = await addDocumentFromChat({ fileName: "kapot.pdf", bytes: Buffer.from("%PDF-1.4 kapot") }, options());
    expect(result).toMatch(/1 mislukt/);
    expect(fs.readdirSync(knowledgeDir)).toEqual(["verslag.md"]);
    expect(store.getDocument("kapot.pdf")).toBeUndefined();
  });
});

describe("uploading a name again as another computer spells it", () => {
  const temp = tempDir();
  afterEach(() => temp.cleanup());

  it("given 'é' once as one code point and once as e and an accent (as a Mac may give it), then the second upload updates the first's file", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(knowledgeDir);
    const options = { knowledgeDir, store: openTestStore(temp.dir), maxFileBytes: 20 * MB };
    await addDocumentFromChat({ fileName: "Café-verslag.md", bytes: Buffer.from(ORIGINAL) }, options);
    const result = await addDocumentFromChat({ fileName: "Cafe\u0301-verslag.md", bytes: Buffer.from("# Verslag dorpsavond\n\nDe buurtbus rijdt voortaan ook op zaterdag.\n") }, options);
    expect(result).toMatch(/1 bijgewerkt/);
    expect(fs.readdirSync(knowledgeDir)).toEqual(["Café-verslag.md"]);
    expect(options.store.listDocuments().map((d) => d.id)).toEqual(["Café-verslag.md"]);
  });
});
