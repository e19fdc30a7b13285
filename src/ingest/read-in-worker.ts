import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { IngestError } from "./loaded-document.js";
import type { ReadDocument } from "./read-document.js";

type Outcome = { read: ReadDocument } | { failed: { ingest: boolean; message: string; detail?: string } };

/**
 * Reads a document in a worker thread (read-document-worker.ts): a large PDF or Word file takes seconds
 * of work that would hold the event loop, and with it every other conversation, the Slack acks and the
 * Discord heartbeat. The same result and the same Dutch reasons (IngestError) as reading it here.
 */
export function readDocumentInWorker(name: string, bytes: Buffer): Promise<ReadDocument> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ name, bytes: new Uint8Array(bytes) });
    let settled = false;
    worker.once("message", (outcome: Outcome) => {
      settled = true;
      if ("read" in outcome) resolve(outcome.read);
      else reject(outcome.failed.ingest ? new IngestError(outcome.failed.message, outcome.failed.detail) : new Error(outcome.failed.message));
      void worker.terminate();
    });
    worker.once("error", (error) => {
      settled = true;
      reject(error);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`het lezen stopte onverwacht (code ${code})`));
    });
  });
}

/**
 * The worker from the built JavaScript (dist/), or, where the TypeScript runs as it is (tsx, the tests),
 * from the TypeScript with tsx registered first: a worker thread does not inherit it.
 */
function startWorker(workerData: { name: string; bytes: Uint8Array }): Worker {
  const fromTypeScript = import.meta.url.endsWith(".ts");
  const entry = new URL(`./read-document-worker.${fromTypeScript ? "ts" : "js"}`, import.meta.url);
  if (!fromTypeScript) return new Worker(entry, { workerData });
  const bootstrap = `import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/**
 * tsx's ESM API as a file address: a worker's code given as text resolves a bare name from the working
 * directory, not from here, so the address is found here, through tsx's own exports map.
 */
function tsxApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve("tsx/package.json");
  const exported = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { exports: Record<string, { import: { default: string } }> }).exports["./esm/api"]!;
  return pathToFileURL(path.join(path.dirname(manifest), exported.import.default)).href;
}
