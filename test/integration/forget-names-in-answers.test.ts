import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { forgetInApprovedAnswers } from "../../src/app/forget-approved-answers.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { openDatabase } from "../../src/store/open-database.js";
import { tempDir } from "../helpers/temp-knowledge.js";

describe("vergeet in approved answers: a single name, a full name", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given an asker known only as 'Karel', then his name goes from the answer to his own question, not from another answer signed by a Karel Kastanje", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    const answers = path.join(knowledgeDir, "antwoorden");
    fs.mkdirSync(answers, { recursive: true });
    const own = "2026-03-01-antwoord-aaaa1111.md";
    const other = "2026-03-02-antwoord-bbbb2222.md";
    fs.writeFileSync(path.join(answers, own), "# Antwoord van een tolk over de speeltuin\n\nKarel kan de sleutel van de speeltuin ophalen bij het wijkteam.\n");
    fs.writeFileSync(path.join(answers, other), "# Antwoord van een tolk over het buurtfonds\n\nHet buurtfonds vraagt een begroting. Groet, Karel Kastanje\n");
    const db = openDatabase(path.join(temp.dir, "test.db"));
    const store = new KnowledgeStore(db);
    try {
      await forgetInApprovedAnswers({ askedIn: [{ id: "aaaa1111-2222-3333-4444-555566667777", theme: "de speeltuin" }], names: ["Karel"] }, { knowledgeDir, store, maxFileBytes: 1_000_000 });
      expect(fs.readFileSync(path.join(answers, own), "utf8")).toContain("anoniem kan de sleutel van de speeltuin ophalen");
      expect(fs.readFileSync(path.join(answers, other), "utf8")).toContain("Groet, Karel Kastanje");

      // His full name, had he given one, goes from every answer.
      await forgetInApprovedAnswers({ askedIn: [], names: ["Karel Kastanje"] }, { knowledgeDir, store, maxFileBytes: 1_000_000 });
      expect(fs.readFileSync(path.join(answers, other), "utf8")).toContain("Groet, anoniem");
    } finally {
      db.close();
    }
  });
});

describe("vergeet in approved answers after a run stopped before reading the changed answer in", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given the file already without the name but the store still holding it, then a second run reads it in again", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    const answers = path.join(knowledgeDir, "antwoorden");
    fs.mkdirSync(answers, { recursive: true });
    const file = path.join(answers, "2026-03-02-antwoord-bbbb2222.md");
    fs.writeFileSync(file, "# Antwoord van een tolk over het buurtfonds\n\nHet buurtfonds vraagt een begroting. Groet, Tineke Tulpenbol\n");
    const db = openDatabase(path.join(temp.dir, "test.db"));
    const store = new KnowledgeStore(db);
    try {
      await ingestSources({ store, knowledgeDir, sources: [file], maxFileBytes: 1_000_000 });
      // What the stopped run (kill -9) left: the file rewritten, the store not yet.
      fs.writeFileSync(file, "# Antwoord van een tolk over het buurtfonds\n\nHet buurtfonds vraagt een begroting. Groet, anoniem\n");
      await forgetInApprovedAnswers({ askedIn: [], names: ["Tineke Tulpenbol"] }, { knowledgeDir, store, maxFileBytes: 1_000_000 });
      const stored = (db.prepare("SELECT text FROM passages").pluck().all() as string[]).join("\n");
      expect(stored).toContain("Groet, anoniem");
      expect(stored).not.toContain("Tulpenbol");
    } finally {
      db.close();
    }
  });
});

describe("vergeet in metadata.yaml's comments on an approved answer", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a maintainer's comment naming the person at an answer's block, then the name goes from it; comments elsewhere and the layout stay", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(path.join(knowledgeDir, "antwoorden"), { recursive: true });
    fs.writeFileSync(path.join(knowledgeDir, "antwoorden", "2026-03-02-antwoord-bbbb2222.md"), "# Antwoord van een tolk over het buurtfonds\n\nHet buurtfonds vraagt een begroting.\n");
    const metadata = path.join(knowledgeDir, "metadata.yaml");
    fs.writeFileSync(metadata, "# Onze documenten\n# gevraagd door Tineke Tulpenbol\nantwoorden/2026-03-02-antwoord-bbbb2222.md: # Tineke Tulpenbol belde\n  title: Antwoord van een tolk over het buurtfonds # van Tineke Tulpenbol\n  kind: antwoord van tolk\n");
    const db = openDatabase(path.join(temp.dir, "test.db"));
    try {
      await forgetInApprovedAnswers({ askedIn: [], names: ["Tineke Tulpenbol"] }, { knowledgeDir, store: new KnowledgeStore(db), maxFileBytes: 1_000_000 });
      const text = fs.readFileSync(metadata, "utf8");
      expect(text).not.toContain("Tulpenbol");
      expect(text).toContain("# Onze documenten");
      expect(text).toContain("gevraagd door anoniem");
    } finally {
      db.close();
    }
  });
});
