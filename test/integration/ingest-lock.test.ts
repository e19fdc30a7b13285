import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { useDutchDictionaryLoader } from "../../src/core/text/dutch-dictionary.js";
import { useWordMemory } from "../../src/core/text/word-memory.js";
import { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { openDatabase } from "../../src/store/open-database.js";
import { stemDutch } from "../../src/core/text/stem.js";
import { tempDir } from "../helpers/temp-knowledge.js";

/**
 * Another writer of the same database (the chat, the event inbox: here a worker thread with a short busy
 * timeout, writing every 20 ms) while a document is read in whose analysis is slow (the first analysis
 * loads the Dutch word list; here a list that takes 1.5 s to load).
 */
const WRITER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.betterSqlite3);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 300");
db.exec("CREATE TABLE IF NOT EXISTS beside (n INTEGER)");
let written = 0, locked = 0;
const until = Date.now() + workerData.ms;
parentPort.postMessage("ready");
const tick = () => {
  try { db.prepare("INSERT INTO beside (n) VALUES (?)").run(written); written++; } catch (e) { if (/locked|busy/i.test(String(e))) locked++; else throw e; }
  if (Date.now() < until) setTimeout(tick, 20); else { db.close(); parentPort.postMessage({ written, locked }); }
};
tick();
`;

describe("reading a document in while others write", () => {
  const temp = tempDir();
  afterEach(() => {
    useDutchDictionaryLoader();
    useWordMemory();
    temp.cleanup();
  });

  it("given an analysis that takes seconds, then another connection can write meanwhile (the lock is held only for the writes)", async () => {
    const file = path.join(temp.dir, "lock.db");
    const store = new KnowledgeStore(openDatabase(file));
    useWordMemory();
    useDutchDictionaryLoader(() => {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500); // a slow disk, a busy machine
      return { knows: (word) => ["coöperatie", "cooperatie", "betaalt", "koffie", "de"].includes(word) };
    });
    const result = await startWriter(file);

    store.replaceDocument(
      { id: "scan.txt", title: "Scan", kind: "verslag", themes: [], contentHash: "h", sizeBytes: 10 },
      [{ text: "De codperatie betaalt de koffie." }],
    );

    const { written, locked } = await result.done;
    expect(locked).toBe(0);
    expect(written).toBeGreaterThan(10);
    expect(store.passagesOf("scan.txt")).toHaveLength(1);
  }, 30_000);

  it("given a store written by an older analysis, then analysing it again leaves the lock free for the other writer meanwhile", async () => {
    const file = path.join(temp.dir, "lock.db");
    const store = storeWithOutdatedAnalysis(file);
    useDutchDictionaryLoader(slowDictionary(1500));
    const result = await startWriter(file);

    expect(store.reanalyzeIfOutdated()).toBe(2);

    const { written, locked } = await result.done;
    expect(locked).toBe(0);
    expect(written).toBeGreaterThan(10);
    expect(store.search([{ term: stemDutch("koffie") }], 5)[0]?.passage.id).toBe("scan.txt#0");
    expect(store.reanalyzeIfOutdated()).toBe(0);
  }, 30_000);

  it("given a document changed by another process while its analysis ran, then the new text is analysed and indexed, not the old", () => {
    const file = path.join(temp.dir, "lock.db");
    const store = storeWithOutdatedAnalysis(file);
    const other = openDatabase(file);
    let changed = false;
    useDutchDictionaryLoader(() => {
      // The other process rewrites a passage while this one is still analysing the old text.
      if (!changed) other.prepare("UPDATE passages SET text = 'De buurtbus rijdt elke dinsdag.' WHERE id = 'scan.txt#1'").run();
      changed = true;
      return { knows: (word) => DUTCH.includes(word) };
    });

    expect(store.reanalyzeIfOutdated()).toBe(2);

    expect(store.search([{ term: stemDutch("buurtbus") }], 5)[0]?.passage.id).toBe("scan.txt#1");
    expect(store.search([{ term: stemDutch("fiets") }], 5)).toEqual([]);
    expect(store.search([{ term: stemDutch("koffie") }], 5)[0]?.passage.id).toBe("scan.txt#0");
    other.close();
  });
});

const DUTCH = ["coöperatie", "cooperatie", "betaalt", "koffie", "de", "buurtbus", "rijdt", "elke", "dinsdag", "fiets"];

function slowDictionary(ms: number) {
  return () => {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms); // a slow disk, a busy machine
    return { knows: (word: string) => DUTCH.includes(word) };
  };
}

/** A store with two passages whose index terms an earlier version wrote (nothing findable), marked as such. */
function storeWithOutdatedAnalysis(file: string): KnowledgeStore {
  const store = new KnowledgeStore(openDatabase(file));
  useDutchDictionaryLoader(() => ({ knows: (word) => DUTCH.includes(word) }));
  store.replaceDocument(
    { id: "scan.txt", title: "Scan", kind: "verslag", themes: [], contentHash: "h", sizeBytes: 10 },
    [{ text: "De codperatie betaalt de koffie." }, { text: "De fiets staat in de schuur." }],
  );
  const db = openDatabase(file);
  db.prepare("UPDATE store_meta SET value = '1' WHERE key = 'analyzer_version'").run();
  db.prepare("DELETE FROM passages_fts").run();
  db.prepare("INSERT INTO passages_fts (rowid, title, section, body, context) SELECT rowid, '', '', 'oud', '' FROM passages").run();
  db.prepare("UPDATE passages SET terms = 'oud'").run();
  db.close();
  return store;
}

/** Starts the other writer; resolves once it writes, with the promise of what it reports at its end. */
async function startWriter(file: string): Promise<{ done: Promise<{ written: number; locked: number }> }> {
  const worker = new Worker(WRITER, { eval: true, workerData: { file, ms: 2500, betterSqlite3: require.resolve("better-sqlite3") } });
  const result = new Promise<{ written: number; locked: number }>((resolve, reject) => {
    worker.on("message", (m) => m !== "ready" && resolve(m as { written: number; locked: number }));
    worker.on("error", reject);
  });
  await new Promise((resolve) => worker.once("message", resolve));
  return { done: result };
}
