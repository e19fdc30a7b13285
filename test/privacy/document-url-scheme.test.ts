import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderSourcePage } from "../../src/channels/web/source-page.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { openTestStore, tempDir } from "../helpers/temp-knowledge.js";

/**
 * Promise: a document's own `url` in metadata.yaml is the link to its original (README, Asking and
 * Adding documents); a mistake in metadata.yaml is reported with its line and field. A `javascript:`
 * address would run in the chat's and team view's origin (the team view's session acts from there), so
 * only a web address is a link.
 */
describe("a document's url in metadata.yaml", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given a javascript: or data: url, then it is reported with its line and field, and the document goes in without a link", async () => {
    const knowledgeDir = path.join(temp.dir, "knowledge");
    fs.mkdirSync(knowledgeDir);
    fs.writeFileSync(path.join(knowledgeDir, "boos.md"), "# Verslag\n\nDe buurtbus rijdt elke dinsdag naar de markt in het dorp.\n");
    fs.writeFileSync(path.join(knowledgeDir, "data.md"), "# Toolkit\n\nEen energiecoöperatie begint met een kleine groep buren.\n");
    fs.writeFileSync(path.join(knowledgeDir, "goed.md"), "# Aanpak\n\nHet repaircafé draait op vrijwilligers uit de wijk.\n");
    fs.writeFileSync(path.join(knowledgeDir, "metadata.yaml"), [
      "boos.md:", "  title: Verslag buurtbus", "  url: \"javascript:fetch('/api/tolk/sessie')\"",
      "data.md:", "  title: Toolkit energie", "  url: data:text/html,<script>alert(1)</script>",
      "goed.md:", "  title: Aanpak repaircafé", "  url: https://example.org/repaircafe", "",
    ].join("\n"));
    const store = openTestStore(temp.dir);
    const summary = await ingestSources({ store, knowledgeDir, sources: [knowledgeDir], maxFileBytes: 1024 * 1024 });
    expect(summary.failed).toEqual([
      { source: "metadata.yaml", reason: 'regel 1, bij "boos.md", veld url: een webadres moet beginnen met http:// of https://' },
      { source: "metadata.yaml", reason: 'regel 4, bij "data.md", veld url: een webadres moet beginnen met http:// of https://' },
    ]);
    expect(store.getDocument("boos.md")?.url).toBeUndefined();
    expect(store.getDocument("data.md")?.url).toBeUndefined();
    expect(store.getDocument("goed.md")?.url).toBe("https://example.org/repaircafe");
  });

  it("given a document stored with a javascript: url (before this check), then its source page shows no link to it; a web address stays a link", () => {
    const doc = { id: "oud.md", title: "Oud verslag", kind: "verslag", themes: [], passages: [{ id: "oud.md#0", text: "De buurtbus rijdt elke dinsdag." }] };
    const hostile = renderSourcePage({ ...doc, url: "javascript:alert(document.domain)" }, undefined);
    expect(hostile).not.toMatch(/javascript:/i);
    expect(hostile).not.toContain("Het oorspronkelijke document");
    expect(renderSourcePage({ ...doc, url: "https://example.org/oud" }, undefined)).toContain('<a href="https://example.org/oud" rel="noopener">Het oorspronkelijke document</a>');
  });
});
