/**
 * npm run bench [-- --sizes 10000,100000] [--vectors] [--dims 512] [--cpu]
 *
 * Ingest throughput (passages/s) and query latency (p50/p99) of the embedded store at several corpus
 * sizes — the starter corpus, then synthetic corpora built from its sentences — next to MiniSearch
 * (a well-known embedded JavaScript search library) fed the same passages, analysed the same way, in
 * the same run. Reports ratios, so the numbers survive a noisy shared machine.
 *
 * --vectors adds the embedded vector index (sqlite-vec) at the same sizes, with random unit vectors,
 * next to a brute-force cosine scan in JavaScript. With embeddings configured in .env, it also times
 * hybrid retrieval (question embedding + vector search + fusion) against BM25 alone on the starter corpus.
 *
 * --cpu times queries by the process's CPU time instead of the wall clock: on a shared machine another
 * process's work then no longer counts, which makes two versions' runs, taken one after the other, comparable.
 */
import "dotenv/config";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import MiniSearch from "minisearch";
import { readableSentences } from "../src/core/answer/readable-text.js";
import { openKnowledge, syncKnowledgeFolder } from "../src/app/open-knowledge.js";
import { loadConfig } from "../src/config.js";
import { hybridRetrieve } from "../src/core/retrieval/hybrid-retrieve.js";
import { retrieve, warmCommonTerms } from "../src/core/retrieval/retrieve.js";
import { createLogger } from "../src/logger.js";
import { SqliteVectorIndex } from "../src/store/sqlite-vector-index.js";
import { analyzeQuery, analyzeText } from "../src/core/text/analyzer.js";
import type { PassageDraft } from "../src/core/types.js";
import { ingestSources } from "../src/ingest/ingest-sources.js";
import { KnowledgeStore } from "../src/store/knowledge-store.js";
import { openDatabase } from "../src/store/open-database.js";

const args = process.argv.slice(2);
const sizesArg = args[args.indexOf("--sizes") + 1];
const SYNTHETIC_SIZES = args.includes("--sizes") && sizesArg ? sizesArg.split(",").map(Number) : [10_000, 100_000];
const QUERY_ROUNDS = 5;
const WITH_VECTORS = args.includes("--vectors");
const DIMS = Number(args[args.indexOf("--dims") + 1]) || 512;
/** Now, in nanoseconds: CPU time (user + system) with --cpu, else the wall clock. */
const now: () => bigint = args.includes("--cpu")
  ? () => {
      const used = process.cpuUsage();
      return BigInt(used.user + used.system) * 1000n;
    }
  : () => process.hrtime.bigint();
const PASSAGES_PER_DOCUMENT = 50;

const QUERIES = [
  "Hoe houden we vrijwilligers vast zonder ze te betalen?",
  "Welke rol kan de provincie spelen voor bewonersinitiatieven?",
  "Hoe werken we samen met de gemeente?",
  "Welke financiering is er naast subsidies?",
  "Wat is maatschappelijk aandeelhouderschap?",
  "Hoe betrekken we jongeren bij ons dorpshuis?",
  "Wat is een vrije actor?",
  "Hoe zetten we een energiecoöperatie op?",
  "Wat doet een tolk tussen initiatief en overheid?",
  "Wat is right to challenge?",
  "Hoe delen initiatieven kennis met elkaar?",
  "Welke rechtsvorm past bij een zorgcoöperatie?",
  "Hoe vraag ik een evenementenvergunning aan?",
  "Wat is een burgerbegroting?",
  "Hoe organiseren we een dorpsgesprek over wonen?",
  "Waarom haken vrijwilligers af?",
  "Hoe maken we een voedselschuur rendabel?",
  "Wie betaalt de kosten van een buurtbatterij?",
  "Wat is kernendemocratie?",
  "Hoe krijgen we de juiste ambtenaar aan tafel?",
];

type Row = {
  size: string; passages: number; ingestPerSec: number; peerIngestPerSec: number; rssMb: number; peerRssMb: number;
  ours: Latency; peer: Latency;
  /** Common terms looked up after ingest, as start-up does, and how long that took. */
  warmedTerms: number; warmSeconds: number;
};

/** Deterministic pseudo-random numbers, so every run builds the same synthetic corpus. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Synthetic passages: starter sentences recombined, with place names that widen the vocabulary. */
function syntheticPassages(sentences: string[], count: number): PassageDraft[] {
  const random = prng(count);
  const places = Array.from({ length: 2000 }, (_, i) => `Dorp${i.toString(36)}`);
  return Array.from({ length: count }, (_, i) => {
    const parts: string[] = [];
    const n = 4 + Math.floor(random() * 5);
    for (let k = 0; k < n; k++) parts.push(sentences[Math.floor(random() * sentences.length)]!);
    parts.push(`Dit speelde in ${places[Math.floor(random() * places.length)]} en ${places[Math.floor(random() * places.length)]}.`);
    return { section: `Synthetisch ${Math.floor(i / PASSAGES_PER_DOCUMENT)}`, text: parts.join(" ") };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Peak resident memory while fn runs, sampled every 20 ms. */
async function withPeakRss<T>(fn: () => Promise<T> | T): Promise<{ result: T; peakMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  try {
    const result = await fn();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, peakMb: peak / 1024 / 1024 };
  } finally {
    clearInterval(timer);
  }
}

type Latency = { p50: number; p99: number; firstP50: number; firstP99: number };

/**
 * Latency over QUERY_ROUNDS rounds of all questions, after one round that is timed on its own: the
 * first time each question is asked (a fresh process, nothing kept from earlier questions but what
 * the questions before it in that round left).
 */
function timeQueries(run: (q: string) => unknown): Latency {
  const first: number[] = [];
  for (const q of QUERIES) {
    const start = now();
    run(q);
    first.push(Number(now() - start) / 1e6);
  }
  first.sort((a, b) => a - b);
  const times: number[] = [];
  for (let r = 0; r < QUERY_ROUNDS; r++) {
    for (const q of QUERIES) {
      const start = now();
      run(q);
      times.push(Number(now() - start) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), firstP50: percentile(first, 50), firstP99: percentile(first, 99) };
}

async function timeAsyncQueries(run: (q: string) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (const q of QUERIES.slice(0, 3)) await run(q); // warm-up
  const times: number[] = [];
  for (let r = 0; r < QUERY_ROUNDS; r++) {
    for (const q of QUERIES) {
      const start = now();
      await run(q);
      times.push(Number(now() - start) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99) };
}

function randomUnitVector(random: () => number, dims: number): number[] {
  const v = Array.from({ length: dims }, () => random() * 2 - 1);
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

type VectorRow = { size: string; vectors: number; insertPerSec: number; p50: number; p99: number; peerP50: number; peerP99: number };

/** sqlite-vec over the passages of a measured corpus, next to a brute-force cosine scan in JavaScript. */
async function measureVectors(size: string, dir: string): Promise<VectorRow> {
  const db = openDatabase(path.join(dir, `${size}.db`));
  try {
    const ids = db.prepare("SELECT id FROM passages").pluck().all() as string[];
    const random = prng(7);
    const vectors = ids.map(() => randomUnitVector(random, DIMS));
    const index = new SqliteVectorIndex(db);
    const start = performance.now();
    for (let i = 0; i < ids.length; i += 1000) {
      await index.upsert(ids.slice(i, i + 1000).map((passageId, j) => ({ passageId, vector: vectors[i + j]!, metadata: { documentId: "", kind: "verslag", themes: [] } })));
    }
    const insertPerSec = ids.length / ((performance.now() - start) / 1000);
    const queries = new Map(QUERIES.map((q) => [q, randomUnitVector(random, DIMS)]));
    const ours = await timeAsyncQueries((q) => index.query(queries.get(q)!, 30));
    const flat = new Float32Array(ids.length * DIMS);
    vectors.forEach((v, i) => flat.set(v, i * DIMS));
    const peer = timeQueries((q) => {
      const query = queries.get(q)!;
      const scores = new Float32Array(ids.length);
      for (let i = 0; i < ids.length; i++) {
        let dot = 0;
        for (let d = 0, o = i * DIMS; d < DIMS; d++) dot += flat[o + d]! * query[d]!;
        scores[i] = dot;
      }
      return [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!).slice(0, 30);
    });
    return { size, vectors: ids.length, insertPerSec, p50: ours.p50, p99: ours.p99, peerP50: peer.p50, peerP99: peer.p99 };
  } finally {
    db.close();
  }
}

/** With embeddings configured: hybrid retrieval on the starter corpus, end to end, next to BM25 alone. */
async function measureHybrid(dir: string): Promise<void> {
  const config = loadConfig({ ...process.env, DATA_DIR: dir, DATABASE_PATH: path.join(dir, "hybrid.db"), LOG_LEVEL: "warn" });
  if (!config.openai?.embeddingModel) return;
  const knowledge = await openKnowledge(config, createLogger(config));
  try {
    await syncKnowledgeFolder(config, knowledge);
    const bm25 = timeQueries((q) => retrieve(knowledge.store, q, 10));
    const hybrid = await timeAsyncQueries((q) => hybridRetrieve(knowledge.store, knowledge.semantic.search, q, 10));
    const f = (x: number) => x.toFixed(2);
    console.log(`\nhybrid retrieval (${knowledge.semantic.mode}), starter corpus, question embedding included:`);
    console.log(`  p50 ${f(hybrid.p50)} ms | BM25 alone ${f(bm25.p50)} ms   p99 ${f(hybrid.p99)} ms | BM25 alone ${f(bm25.p99)} ms`);
  } finally {
    knowledge.close();
  }
}

async function measure(size: string, passages: PassageDraft[] | "starter", dir: string): Promise<Row> {
  const store = new KnowledgeStore(openDatabase(path.join(dir, `${size}.db`)));
  let drafts: PassageDraft[];
  let ingestSeconds: number;
  let warmedTerms = 0;
  let warmSeconds = 0;
  const ours = await withPeakRss(async () => {
    const start = performance.now();
    if (passages === "starter") {
      await ingestSources({ store, knowledgeDir: path.resolve("knowledge"), maxFileBytes: 50 * 1024 * 1024 });
      drafts = store.listDocuments().flatMap((d) => store.passagesOf(d.id));
    } else {
      drafts = passages;
      for (let i = 0; i < passages.length; i += PASSAGES_PER_DOCUMENT) {
        const chunk = passages.slice(i, i + PASSAGES_PER_DOCUMENT);
        store.replaceDocument(
          { id: `synthetic/${i / PASSAGES_PER_DOCUMENT}.txt`, title: `Synthetisch verslag ${i / PASSAGES_PER_DOCUMENT}`, kind: "verslag", themes: [], contentHash: String(i), sizeBytes: 0 },
          chunk,
        );
      }
    }
    ingestSeconds = (performance.now() - start) / 1000;
    // As `npm start` does after syncing the knowledge folder.
    const warmStart = performance.now();
    warmedTerms = await warmCommonTerms(store);
    warmSeconds = (performance.now() - warmStart) / 1000;
    return timeQueries((q) => retrieve(store, q, 10));
  });
  const count = drafts!.length;

  const peer = await withPeakRss(() => {
    const start = performance.now();
    const mini = new MiniSearch<{ id: number; section: string; text: string }>({
      fields: ["section", "text"],
      tokenize: (text) => analyzeText(text),
      processTerm: (term) => term,
      searchOptions: { boost: { section: 0.8 }, combineWith: "OR", tokenize: (q) => analyzeQuery(q).terms.map((t) => t.term), processTerm: (t) => t },
    });
    mini.addAll(drafts.map((d, id) => ({ id, section: d.section ?? "", text: d.text })));
    const peerIngestSeconds = (performance.now() - start) / 1000;
    const latency = timeQueries((q) => mini.search(q).slice(0, 10));
    return { peerIngestSeconds, ...latency };
  });

  return {
    size, passages: count,
    ingestPerSec: count / ingestSeconds!, rssMb: ours.peakMb, ours: ours.result, warmedTerms, warmSeconds,
    peerIngestPerSec: count / peer.result.peerIngestSeconds, peerRssMb: peer.peakMb, peer: peer.result,
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vliegwiel-bench-"));
  try {
    console.log(`Vliegwiel benchmark · ${os.cpus().length} cores · node ${process.version} · ${QUERIES.length} queries × ${QUERY_ROUNDS} rounds\n`);
    const rows: Row[] = [await measure("starter", "starter", dir)];
    const starterStore = new KnowledgeStore(openDatabase(path.join(dir, "starter.db")));
    const sentences = starterStore.listDocuments().flatMap((d) => starterStore.passagesOf(d.id)).flatMap((p) => readableSentences(p.text));
    for (const size of SYNTHETIC_SIZES) {
      rows.push(await measure(`${size / 1000}k`, syntheticPassages(sentences, size), dir));
      console.error(`… ${size} passages measured`);
    }
    const f = (x: number, d = 1) => x.toFixed(d);
    console.log("corpus   passages  ingest/s (ours | MiniSearch)   query p50 ms (ours | MS | ratio)   query p99 ms (ours | MS | ratio)   peak RSS MB (ours | MS)");
    const latency = (ours: number, peer: number) => `${f(ours, 2).padStart(7)} | ${f(peer, 2).padStart(7)} | ${f(ours / peer, 2).padStart(5)}`;
    for (const r of rows) {
      console.log(
        `${r.size.padEnd(8)} ${String(r.passages).padStart(8)}  ${f(r.ingestPerSec, 0).padStart(8)} | ${f(r.peerIngestPerSec, 0).padStart(8)}` +
          `            ${latency(r.ours.p50, r.peer.p50)}          ${latency(r.ours.p99, r.peer.p99)}` +
          `          ${f(r.rssMb, 0).padStart(5)} | ${f(r.peerRssMb, 0).padStart(5)}`,
      );
    }
    console.log("\nfirst time each question is asked (one round; p99 of 20 is the slowest):");
    console.log("corpus   query p50 ms (ours | MS | ratio)   query p99 ms (ours | MS | ratio)   common terms looked up at start (s)");
    for (const r of rows) {
      console.log(
        `${r.size.padEnd(8)} ${latency(r.ours.firstP50, r.peer.firstP50)}          ${latency(r.ours.firstP99, r.peer.firstP99)}` +
          `          ${String(r.warmedTerms).padStart(5)} (${f(r.warmSeconds, 1)} s)`,
      );
    }
    console.log("\nratio = ours / MiniSearch (below 1: ours is faster). MiniSearch keeps its index in memory and persists nothing;");
    console.log("ours is an on-disk SQLite FTS5 index that survives restarts. Peak RSS is of the whole process (cumulative).");
    console.log("Ours keeps the best passages of a common search term until the store changes (looked up at start for the");
    console.log("most common terms, in the background), so a question made of common words is cheap from the first time.");
    if (WITH_VECTORS) {
      const vectorRows: VectorRow[] = [];
      for (const r of rows.slice(1)) vectorRows.push(await measureVectors(r.size, dir));
      console.log(`\nvector index, ${DIMS} dimensions, top 30 (sqlite-vec | brute-force JS scan | ratio)`);
      console.log("corpus    vectors  insert/s   query p50 ms (ours | JS | ratio)   query p99 ms (ours | JS | ratio)");
      for (const v of vectorRows) {
        console.log(
          `${v.size.padEnd(8)} ${String(v.vectors).padStart(8)}  ${f(v.insertPerSec, 0).padStart(7)}` +
            `   ${f(v.p50, 2).padStart(7)} | ${f(v.peerP50, 2).padStart(7)} | ${f(v.p50 / v.peerP50, 2).padStart(5)}` +
            `       ${f(v.p99, 2).padStart(7)} | ${f(v.peerP99, 2).padStart(7)} | ${f(v.p99 / v.peerP99, 2).padStart(5)}`,
        );
      }
    }
    await measureHybrid(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
