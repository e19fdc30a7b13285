import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { warmCommonTerms } from "../../src/core/retrieval/retrieve.js";
import { stemDutch } from "../../src/core/text/stem.js";
import { ingestSources } from "../../src/ingest/ingest-sources.js";
import { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { openDatabase } from "../../src/store/open-database.js";
import { makePdf } from "../helpers/make-pdf.js";
import { openTestStore, REPO_ROOT, tempDir } from "../helpers/temp-knowledge.js";

const FIXTURES = path.join(REPO_ROOT, "test", "fixtures");
const MB = 1024 * 1024;

describe("ingestion", () => {
  let dir: string;
  let cleanup: () => void;
  let knowledgeDir: string;
  let store: KnowledgeStore;
  const ingest = (sources?: string[]) => ingestSources({ store, knowledgeDir, sources, maxFileBytes: 20 * MB });
  const write = (name: string, content: string | Buffer) => fs.writeFileSync(path.join(knowledgeDir, name), content);

  beforeEach(() => {
    ({ dir, cleanup } = tempDir());
    knowledgeDir = path.join(dir, "knowledge");
    fs.mkdirSync(knowledgeDir);
    store = openTestStore(dir);
  });
  afterEach(() => cleanup());

  it("given new files of every supported type, then all are added with passages and context", async () => {
    write("verslag.md", "# Verslag dorpsavond\n\n## Geld\n\nHet dorpshuis kreeg een lening uit het revolverend fonds van de provincie.\n");
    write("notitie.txt", "Vrijwilligers blijven als ze zich gezien voelen. Zeg vaak dankjewel.\n");
    write("pagina.html", "<html><head><title>Buurtbatterij</title></head><body><nav>menu</nav><h1>Buurtbatterij</h1><p>De batterij slaat zonnestroom op.</p><script>x()</script></body></html>");
    write("zon.pdf", makePdf([["Zonnepanelen op het dak van de school."], ["Tweede pagina over de ledenvergadering."]], "Zonnedaken"));
    fs.copyFileSync(path.join(FIXTURES, "toolkit-moestuin.docx"), path.join(knowledgeDir, "toolkit-moestuin.docx"));

    const summary = await ingest();

    expect(summary.failed).toEqual([]);
    expect(summary.added.sort()).toEqual(["notitie.txt", "pagina.html", "toolkit-moestuin.docx", "verslag.md", "zon.pdf"]);
    expect(store.getDocument("zon.pdf")?.title).toBe("Zonnedaken");
    expect(store.getDocument("pagina.html")?.title).toBe("Buurtbatterij");
    expect(store.passagesOf("zon.pdf").map((p) => p.section)).toEqual(["pagina 1", "pagina 2"]);
    expect(store.passagesOf("verslag.md")[0]).toMatchObject({ id: "verslag.md#0", section: "Verslag dorpsavond" });
    const html = store.passagesOf("pagina.html").map((p) => p.text).join(" ");
    expect(html).toContain("zonnestroom");
    expect(html).not.toContain("menu");
    expect(html).not.toContain("x()");
    expect(store.search([{ term: stemDutch("buurtmoestuin") }], 5)[0]?.document.id).toBe("toolkit-moestuin.docx");
  });

  it("given a second run with nothing changed, then every file is skipped as unchanged", async () => {
    write("a.txt", "Een tekst over de dorpsraad en het dorpshuis.");
    await ingest();
    const before = store.passagesOf("a.txt");
    const summary = await ingest();
    expect(summary).toMatchObject({ added: [], updated: [], unchanged: ["a.txt"], removed: [] });
    expect(store.passagesOf("a.txt")).toEqual(before);
  });

  it("given a changed file, then its passages are replaced and old text is no longer found", async () => {
    write("a.txt", "De voedselschuur verkoopt groente van boeren uit de buurt.");
    await ingest();
    write("a.txt", "Het zorgcollectief regelt vervoer naar de huisarts.");
    const summary = await ingest();
    expect(summary.updated).toEqual(["a.txt"]);
    expect(store.search([{ term: stemDutch("voedselschuur") }], 5)).toEqual([]);
    expect(store.search([{ term: stemDutch("zorgcollectief") }], 5)).toHaveLength(1);
    expect(store.passageCount()).toBe(1);
  });

  it("given a store written by an older text analysis, then opening it analyses the passages again and they are found", async () => {
    write("a.txt", "Twee initiatieven delen een buurthuis.");
    write("b.md", "# Kop\n\nDe provinciale regeling voor huizen.");
    await ingest();
    const db = openDatabase(path.join(dir, "test.db"));
    // As an earlier version wrote it: other index terms, and an older analysis recorded.
    db.prepare("UPDATE store_meta SET value = '1' WHERE key = 'analyzer_version'").run();
    db.prepare("DELETE FROM passages_fts").run();
    db.prepare("INSERT INTO passages_fts (rowid, title, section, body, context) SELECT rowid, '', '', 'initiatiev huiz', '' FROM passages").run();
    db.prepare("UPDATE passages SET terms = 'initiatiev huiz'").run();
    const reopened = new KnowledgeStore(db);
    expect(reopened.search([{ term: stemDutch("initiatief") }], 5)).toEqual([]);

    expect(reopened.reanalyzeIfOutdated()).toBe(2);

    expect(reopened.search([{ term: stemDutch("initiatief") }], 5).map((h) => h.passage.id)).toEqual(["a.txt#0"]);
    expect(reopened.search([{ term: stemDutch("huis") }], 5).map((h) => h.passage.id)).toEqual(["b.md#0"]);
    expect(reopened.search([{ term: stemDutch("kop") }], 5).map((h) => h.passage.id)).toEqual(["b.md#0"]);
    expect(reopened.passagesOf("a.txt")[0]!.terms).toContain(stemDutch("initiatief"));
    const lengths = ["a.txt", "b.md"].map((id) => reopened.passagesOf(id)[0]!.terms.length);
    expect(reopened.averagePassageLength()).toBeCloseTo((lengths[0]! + lengths[1]!) / 2);
    expect(reopened.reanalyzeIfOutdated()).toBe(0);
    expect((await ingest()).unchanged.sort()).toEqual(["a.txt", "b.md"]);
  });

  it("given a single-term search asked again, then it sees every change to the store, from this connection or another", async () => {
    write("a.txt", "De voedselschuur verkoopt groente.");
    await ingest();
    const term = [{ term: stemDutch("voedselschuur") }];
    expect(store.search(term, 5).map((h) => h.document.id)).toEqual(["a.txt"]);
    expect(store.search(term, 5).map((h) => h.document.id)).toEqual(["a.txt"]);

    write("b.txt", "Voedselschuur, voedselschuur: de voedselschuur.");
    await ingest();
    expect(store.search(term, 5).map((h) => h.document.id)).toEqual(["b.txt", "a.txt"]);

    const other = new KnowledgeStore(openDatabase(path.join(dir, "test.db")));
    other.removeDocument("b.txt");
    expect(store.search(term, 5).map((h) => h.document.id)).toEqual(["a.txt"]);
  });

  it("given the store's vocabulary read once, then it holds every term with its passages and follows every change", async () => {
    write("a.txt", "De voedselschuur verkoopt groente.");
    await ingest();
    expect(store.termVocabulary().get(stemDutch("voedselschuur"))).toBe(1);
    expect(store.documentFrequencies([stemDutch("groente"), "onbekendwoord"])).toEqual(new Map([[stemDutch("groente"), 1], ["onbekendwoord", 0]]));
    write("b.txt", "Een tweede voedselschuur met fruit.");
    await ingest();
    expect(store.termVocabulary().get(stemDutch("voedselschuur"))).toBe(2);
    expect(store.termVocabulary().get(stemDutch("fruit"))).toBe(1);
    const other = new KnowledgeStore(openDatabase(path.join(dir, "test.db")));
    other.removeDocument("b.txt");
    expect(store.termVocabulary().has(stemDutch("fruit"))).toBe(false);
    expect(store.documentFrequencies([stemDutch("voedselschuur")]).get(stemDutch("voedselschuur"))).toBe(1);
  });

  it("given common terms, then warming looks up the most common first and later searches give the same passages", async () => {
    write("a.txt", "Het dorpshuis zoekt vrijwilligers.");
    write("b.txt", "Vrijwilligers openen het dorpshuis.");
    write("c.txt", "Een dorpshuis met een uniek dak.");
    await ingest();
    const before = store.search([{ term: stemDutch("dorpshuis") }], 100);
    expect(store.commonTerms(1, 10)).toEqual([stemDutch("dorpshuis"), stemDutch("vrijwilligers")]);
    const aborted = new AbortController();
    aborted.abort();
    expect(await warmCommonTerms(store, { minPassages: 1, signal: aborted.signal })).toBe(0);

    expect(await warmCommonTerms(store, { minPassages: 1 })).toBe(2);

    expect(store.search([{ term: stemDutch("dorpshuis") }], 100)).toEqual(before);
  });

  it("given edited metadata, then the document is updated with the new title and themes", async () => {
    write("a.txt", "Een tekst over kernendemocratie.");
    await ingest();
    write("metadata.yaml", "a.txt:\n  title: Kernendemocratie in de praktijk\n  kind: bewezen aanpak\n  themes: [democratie]\n");
    const summary = await ingest();
    expect(summary.updated).toEqual(["a.txt"]);
    expect(store.getDocument("a.txt")).toMatchObject({ title: "Kernendemocratie in de praktijk", kind: "bewezen aanpak", themes: ["democratie"] });
  });

  it("given a file deleted from the knowledge folder, then a full run removes it from the store", async () => {
    write("a.txt", "Tekst over de wensbus.");
    write("b.txt", "Tekst over het broodfonds.");
    await ingest();
    fs.rmSync(path.join(knowledgeDir, "a.txt"));
    const summary = await ingest();
    expect(summary.removed).toEqual(["a.txt"]);
    expect(store.listDocuments().map((d) => d.id)).toEqual(["b.txt"]);
    expect(store.search([{ term: "wensbus" }], 5)).toEqual([]);
  });

  it("given bad files, then each gets a one-line reason and the good files still go in", async () => {
    write("goed.txt", "Een goed bestand over het dorpshuis.");
    write("kapot.pdf", "%PDF-1.4\nthis is not really a pdf\n%%EOF");
    fs.copyFileSync(path.join(FIXTURES, "encrypted.pdf"), path.join(knowledgeDir, "beveiligd.pdf"));
    write("leeg.txt", "");
    write("plaatje.png", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    write("oud.doc", "binary");
    write("kapot.docx", "geen zip");
    const big = path.join(knowledgeDir, "groot.txt");
    fs.writeFileSync(big, "");
    fs.truncateSync(big, 50 * MB);

    const summary = await ingest();

    expect(summary.added).toEqual(["goed.txt"]);
    const reasons = Object.fromEntries(summary.failed.map((f) => [f.source, f.reason]));
    expect(Object.keys(reasons).sort()).toEqual(["beveiligd.pdf", "groot.txt", "kapot.docx", "kapot.pdf", "leeg.txt", "oud.doc", "plaatje.png"]);
    expect(reasons["beveiligd.pdf"]).toMatch(/wachtwoord/);
    expect(reasons["kapot.pdf"]).toMatch(/geen geldige PDF/);
    expect(reasons["groot.txt"]).toMatch(/te groot \(50 MB; maximum 20 MB/);
    expect(reasons["leeg.txt"]).toMatch(/leeg/);
    expect(reasons["plaatje.png"]).toMatch(/niet ondersteund/);
    expect(reasons["oud.doc"]).toMatch(/\.docx/);
    for (const reason of Object.values(reasons)) expect(reason).not.toContain("\n");
    expect(store.listDocuments().map((d) => d.id)).toEqual(["goed.txt"]);
  });

  it("given a file that fails after an earlier good version, then the good version stays in place", async () => {
    write("a.pdf", makePdf([["Over de energiecooperatie."]]));
    await ingest();
    write("a.pdf", "%PDF-1.4 broken");
    const summary = await ingest();
    expect(summary.failed.map((f) => f.source)).toEqual(["a.pdf"]);
    expect(store.passagesOf("a.pdf")).toHaveLength(1);
  });

  it("given a web page address, then it is fetched over HTTP and stored under its URL", async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end("<html><head><title>Dorpsdeal</title></head><body><main><h2>Wat is een dorpsdeal?</h2><p>Een dorpsdeal is een afspraak tussen dorp en gemeente.</p></main></body></html>");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/dorpsdeal`;
    try {
      const summary = await ingest([url]);
      expect(summary.added).toEqual([url]);
      expect(store.getDocument(url)?.title).toBe("Dorpsdeal");
      expect((await ingest()).removed).toEqual([]);
    } finally {
      server.close();
    }
  });

  it("given a long document, then it is cut into overlapping passages with stable ids", async () => {
    const paragraph = (i: number) => `Alinea ${i} gaat over het onderhoud van het dorpshuis en de inzet van vrijwilligers in de buurt.`;
    write("lang.md", `# Lang verslag\n\n${Array.from({ length: 80 }, (_, i) => paragraph(i)).join("\n\n")}`);
    await ingest();
    const passages = store.passagesOf("lang.md");
    expect(passages.length).toBeGreaterThan(3);
    expect(passages.map((p) => p.id)).toEqual(passages.map((_, i) => `lang.md#${i}`));
    for (const p of passages) expect(p.text.length).toBeLessThanOrEqual(1300);
    expect(passages.every((p) => p.section === "Lang verslag")).toBe(true);
  });
});
