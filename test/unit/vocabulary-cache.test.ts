import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { analyzeWrittenText } from "../../src/core/text/analyzer.js";
import { cachedVocabulary } from "../../src/core/text/vocabulary-cache.js";
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
    const kept = cachedVocabulary(cache, "documents", SYNONYMS, GLOSSARY);
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
});
