/**
 * How much a hostile question costs on the event loop, and what it leaves in the term cache:
 * `npx tsx scripts/bench-hostile-input.ts`. Builds a store of the starter knowledge in a temporary folder.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { retrieve } from "../src/core/retrieval/retrieve.js";
import { ingestSources } from "../src/ingest/ingest-sources.js";
import { KnowledgeStore } from "../src/store/knowledge-store.js";
import { openDatabase } from "../src/store/open-database.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vliegwiel-bench-hostile-"));
const knowledgeDir = path.resolve(import.meta.dirname, "../knowledge");
const store = new KnowledgeStore(openDatabase(path.join(dir, "bench.db")));
await ingestSources({ store, knowledgeDir, maxFileBytes: 20 * 1024 * 1024 });

/** Letters that look like words but are none, the same for every run. */
function nonsense(length: number, seed: number): string {
  let s = seed;
  let out = "";
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    out += "abcdefghijklmnoprstuvw"[s % 22];
  }
  return out;
}

const NORMAL = "Hoe werkt crowdfunding voor een energiecoöperatie?";
const cases: Array<[string, string]> = [
  ["2 000 letters, no spaces", nonsense(2000, 1)],
  ["2 000 letters, a compound repeated", "gemeenschapsenergie".repeat(105)],
  ["10 words of 200 letters", Array.from({ length: 10 }, (_, i) => nonsense(200, i + 7)).join(" ")],
  ["285 nonsense words of 6 letters", Array.from({ length: 285 }, (_, i) => nonsense(6, i + 99)).join(" ")],
];
const time = (question: string) => {
  const start = performance.now();
  retrieve(store, question);
  return performance.now() - start;
};

time(NORMAL); // warm
console.log("question                                   ms      terms cached after");
for (const [label, question] of cases) {
  const ms = time(question);
  console.log(`${label.padEnd(42)} ${ms.toFixed(1).padStart(7)}  ${store.cachedTermCount()}`);
}
const start = performance.now();
for (let i = 0; i < 5; i++) retrieve(store, nonsense(2000, 100 + i));
retrieve(store, NORMAL);
console.log(`${"five 2 000-letter words, then a normal one".padEnd(42)} ${(performance.now() - start).toFixed(1).padStart(7)}`);
fs.rmSync(dir, { recursive: true, force: true });
