import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createCore } from "../../src/app/create-core.js";
import { openKnowledge, syncKnowledgeFolder } from "../../src/app/open-knowledge.js";
import { readOpenTaal, useDutchDictionaryLoader } from "../../src/core/text/dutch-dictionary.js";
import { repairOcrText } from "../../src/core/text/ocr-repair.js";
import { SqliteWordMemory } from "../../src/store/sqlite-word-memory.js";
import { openDatabase } from "../../src/store/open-database.js";
import { testConfig, tempDir } from "../helpers/temp-knowledge.js";

/** The real word list, counting how often it is loaded. */
function countingLoader() {
  const counter = { loads: 0 };
  useDutchDictionaryLoader(() => {
    counter.loads++;
    return readOpenTaal();
  });
  return counter;
}

describe("the word memory: what the Dutch word list said, kept beside the knowledge", () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => {
    useDutchDictionaryLoader();
    cleanups.splice(0).forEach((cleanup) => cleanup());
  });

  it("given a store read in by an earlier process, then answering from it (OCR repair included) needs no word list", async () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const knowledgeDir = path.join(dir, "knowledge");
    fs.mkdirSync(knowledgeDir);
    fs.writeFileSync(path.join(knowledgeDir, "scan.txt"),
      "Het wljkraacl van Oosterwolde komt elke maand bijeen in de kantine van de voetbalclub. De codperatie betaalt de koffie.\n");
    const config = testConfig(dir, { KNOWLEDGE_DIR: knowledgeDir });

    const ingesting = countingLoader();
    const first = await openKnowledge(config);
    await syncKnowledgeFolder(config, first);
    first.close();
    expect(ingesting.loads).toBe(1);

    // A new process: nothing loaded, nothing in memory but what the database kept.
    const answering = countingLoader();
    const knowledge = await openKnowledge(config);
    try {
      const reply = await createCore(config, knowledge).handle({ channel: "cli", conversationId: "c", userId: "u", text: "Waar komt het wijkraad van Oosterwolde bijeen?" });
      expect(reply.decision).toBe("answer");
      expect(reply.text).toContain("wijkraad van Oosterwolde");
      expect(answering.loads).toBe(0);
      // A question's own words (possibly personal) are never written down, even when the list is asked.
      await createCore(config, knowledge).handle({ channel: "cli", conversationId: "c", userId: "u", text: "Mag het kipenhok van mevrouw Jansen bij de voetbalclub staan?" });
      expect(answering.loads).toBe(1);
      const kept = knowledge.db.prepare("SELECT key FROM word_memory WHERE key LIKE '%kipenhok%' OR key LIKE '%jansen%'").all();
      expect(kept).toEqual([]);
    } finally {
      knowledge.close();
    }
  });

  it("given no store's memory, then the word list is loaded once, on the first word, and its answers live in the process only", () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = openDatabase(path.join(dir, "memo.db"));
    cleanups.unshift(() => db.close());
    const memory = new SqliteWordMemory(db, "v1");
    const counter = countingLoader();
    expect(repairOcrText("Een elgenheld om trots op te zijn.")).toBe("Een eigenheid om trots op te zijn.");
    expect(repairOcrText("De codperatie en haar elgenheld.")).toBe("De coöperatie en haar eigenheid.");
    expect(counter.loads).toBe(1);
    // Nothing was kept in the database: the memory in use was the process's own.
    expect(memory.recall("o:elgenheld")).toBeUndefined();
  });

  it("given another word list or analysis version, then everything remembered is forgotten", () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = openDatabase(path.join(dir, "memo.db"));
    cleanups.unshift(() => db.close());
    const before = new SqliteWordMemory(db, "4:2.0.0");
    before.remember("o:codperatie", "coöperatie");
    before.remember("k:Amsterdam", "1");
    before.remember("k:qqq", null);
    expect(before.recall("o:codperatie")).toBe("coöperatie"); // pending, not yet written
    before.flush();
    expect(new SqliteWordMemory(db, "4:2.0.0").recall("o:codperatie")).toBe("coöperatie");
    expect(new SqliteWordMemory(db, "4:2.0.0").recall("k:qqq")).toBeNull();
    expect(new SqliteWordMemory(db, "5:2.0.0").recall("o:codperatie")).toBeUndefined();
  });

  it("given many words at once (a document of unusual tokens), then they are written in batches and none is lost", () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const db = openDatabase(path.join(dir, "memo.db"));
    cleanups.unshift(() => db.close());
    const memory = new SqliteWordMemory(db, "7:2.0.0");
    for (let i = 0; i < 1_234; i++) memory.remember(`k:woord${i}`, i % 2 ? "1" : null);
    // Full batches are on disk already; the rest is pending until flushed.
    const written = () => (db.prepare("SELECT COUNT(*) AS n FROM word_memory").get() as { n: number }).n;
    expect(written()).toBe(1_000);
    expect(memory.recall("k:woord1233")).toBe("1");
    memory.flush();
    expect(written()).toBe(1_234);
    const later = new SqliteWordMemory(db, "7:2.0.0");
    expect(later.recall("k:woord0")).toBeNull();
    expect(later.recall("k:woord1233")).toBe("1");
  });
});
