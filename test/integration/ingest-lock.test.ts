import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { useDutchDictionaryLoader } from "../../src/core/text/dutch-dictionary.js";
import { useWordMemory } from "../../src/core/text/word-memory.js";
import { KnowledgeStore } from "../../src/store/knowledge-store.js";
import { openDatabase } from "../../src/store/open-database.js";
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
    const worker = new Worker(WRITER, { eval: true, workerData: { file, ms: 2500, betterSqlite3: require.resolve("better-sqlite3") } });
    const result = new Promise<{ written: number; locked: number }>((resolve, reject) => {
      worker.on("message", (m) => m !== "ready" && resolve(m as { written: number; locked: number }));
      worker.on("error", reject);
    });
    await new Promise((resolve) => worker.once("message", resolve));

    store.replaceDocument(
      { id: "scan.txt", title: "Scan", kind: "verslag", themes: [], contentHash: "h", sizeBytes: 10 },
      [{ text: "De codperatie betaalt de koffie." }],
    );

    const { written, locked } = await result;
    expect(locked).toBe(0);
    expect(written).toBeGreaterThan(10);
    expect(store.passagesOf("scan.txt")).toHaveLength(1);
  }, 30_000);
});
