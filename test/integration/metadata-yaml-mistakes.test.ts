import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { openTestStore, tempDir } from "../helpers/temp-knowledge.js";

/**
 * Promise (README, Metadata): a mistake in metadata.yaml is reported with its line, in Dutch; the YAML
 * reader's own English message is kept as the detail, which the command shows only at LOG_LEVEL=debug.
 * A maintainer who typed a title with a colon got "Nested mappings are not allowed in compact mappings".
 */
describe("metadata.yaml that is not valid YAML", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  const cases: Array<[string, string, string]> = [
    ["a colon in a title", "a.md:\n  title: Verslag: de avond\n", "zet een waarde met een dubbele punt tussen aanhalingstekens"],
    ["a list not closed", "a.md:\n  title: A\n  themes: [energie, wonen\n", "of een lijst [ … ] is niet gesloten"],
    ["a tab as indentation", "a.md:\n\ttitle: A\n", "een tab als inspringing; gebruik spaties"],
    ["a file named twice", "a.md:\n  title: A\na.md:\n  title: B\n", "staat er al eerder in"],
    ["a quote not closed", "a.md:\n  title: \"Verslag\n  kind: verslag\n", "een aanhalingsteken of haakje wordt niet gesloten"],
  ];
  for (const [label, yaml, hint] of cases) {
    it(`given ${label}, then the reason says in Dutch what to check, with its line, and the English only as detail`, async () => {
      const knowledgeDir = path.join(temp.dir, label.replace(/\W+/g, "-"), "knowledge");
      fs.mkdirSync(knowledgeDir, { recursive: true });
      fs.writeFileSync(path.join(knowledgeDir, "a.md"), "# A\n\nDe buurtbus rijdt op dinsdag.\n");
      fs.writeFileSync(path.join(knowledgeDir, "metadata.yaml"), yaml);

      const summary = await ingestSources({ store: openTestStore(path.dirname(knowledgeDir)), knowledgeDir, maxFileBytes: 1024 * 1024 });

      const problem = summary.failed.find((f) => f.source === "metadata.yaml")!;
      expect(problem.reason).toMatch(/^regel \d+: geen geldige YAML \(/);
      expect(problem.reason).toContain(hint);
      expect(problem.reason).not.toMatch(/[A-Z][a-z]+ (are|is|must|need)\b|\bnot allowed\b|\bMissing\b/);
      expect(problem.detail).toBeTruthy();
      expect(summary.added).toEqual(["a.md"]);
    });
  }
});
