import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { describe, expect, it, vi } from "vitest";
import { ANALYZER_VERSION, analyzeWrittenText } from "../../src/core/text/analyzer.js";
import { VOCABULARY_FORMAT, cachedVocabulary } from "../../src/core/text/vocabulary-cache.js";
import { Vocabulary } from "../../src/core/text/vocabulary.js";
import { SqliteVocabularyCache } from "../../src/store/sqlite-vocabulary-cache.js";

const SYNONYMS = "kas, geldpot, middelen\nbuurthuis, wijkcentrum => ontmoetingsplek\n";
const GLOSSARY = "volunteer = vrijwilliger\nfunding = financiering, subsidie\n";

function storeCache() {
  const db = new Database(":memory:");
  db.exec("CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT)");
  return { db, cache: new SqliteVocabularyCache(db) };
}

describe("vocabulary cache", () => {
  it("given the same files again, then the kept rules expand a question exactly as freshly analysed ones", () => {
    const { cache } = storeCache();
    const fresh = new Vocabulary(SYNONYMS, GLOSSARY);
    cachedVocabulary(cache, "documents", SYNONYMS, GLOSSARY);
    const restored = vi.spyOn(Vocabulary, "fromData");
    const kept = cachedVocabulary(cache, "documents", SYNONYMS, GLOSSARY);
    expect(restored).toHaveBeenCalledTimes(1);
    restored.mockRestore();
    for (const [text, language] of [["geldpot van de buurt", "nl"], ["ons wijkcentrum", "nl"], ["funding for volunteers", "en"]] as const) {
      const stems = analyzeWrittenText(text);
      const expected = fresh.expand(text, stems, language);
      expect(expected.length).toBeGreaterThan(0);
      expect(kept.expand(text, stems, language)).toEqual(expected);
    }
    expect(kept.size).toEqual(fresh.size);
  });

  it("given a changed file, then the vocabulary is analysed anew and replaces the kept one", () => {
    const { cache } = storeCache();
    cachedVocabulary(cache, "documents", SYNONYMS, GLOSSARY);
    const before = cache.read("documents")!.key;
    const changed = cachedVocabulary(cache, "documents", `${SYNONYMS}repaircafe, reparatiecafe\n`, GLOSSARY);
    expect(cache.read("documents")!.key).not.toBe(before);
    expect(changed.expand("repaircafe", analyzeWrittenText("repaircafe"), "nl").map((e) => e.term)).toEqual(analyzeWrittenText("reparatiecafe"));
  });

  it("given a cache that cannot be read or written, then the vocabulary is still analysed (a cache never costs an answer)", () => {
    const { db, cache } = storeCache();
    db.exec("DROP TABLE store_meta");
    const vocabulary = cachedVocabulary(cache, "documents", SYNONYMS, GLOSSARY);
    expect(vocabulary.size.synonymRules).toBeGreaterThan(0);
  });

  it("given names kept side by side, then each name keeps its own vocabulary", () => {
    const { cache } = storeCache();
    cachedVocabulary(cache, "documents", SYNONYMS, GLOSSARY);
    cachedVocabulary(cache, "gids", "dorpshuis, buurthuis\n", "");
    expect(cachedVocabulary(cache, "documents", SYNONYMS, GLOSSARY).size).toEqual(new Vocabulary(SYNONYMS, GLOSSARY).size);
  });

  it("given a fixed vocabulary text, then its analysed rules are what they were when the versions were last raised", () => {
    // If this fails, the analysis of vocabulary files changed: raise ANALYZER_VERSION (analyzer.ts) or
    // VOCABULARY_FORMAT (vocabulary-cache.ts), so stores that kept the old rules analyse the files again,
    // and put the new versions and digest here.
    const text = "geld, potje, middelen => financiering, subsidie\nvrijwilliger, vrijwillige inzet\nzorgcoöperatie, zorgcoop\n# comment\nbuurtbussen, kleinschalig vervoer\n";
    const glossary = "volunteering = vrijwilligerswerk\ncharities = goede doelen\norganised = georganiseerd\nrunning = draaien\n";
    const digest = createHash("sha256").update(JSON.stringify(new Vocabulary(text, glossary).toData())).digest("hex").slice(0, 16);
    expect({ analyzer: ANALYZER_VERSION, format: VOCABULARY_FORMAT, digest }).toEqual({ analyzer: 9, format: 2, digest: "6f8fb2adc4ee42ea" });
  });
});
