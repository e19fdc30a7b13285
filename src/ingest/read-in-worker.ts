import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { IngestError } from "./loaded-document.js";
import type { ReadDocument } from "./read-document.js";

type Outcome = { read: ReadDocument } | { failed: { ingest: boolean; message: string; detail?: string } };

/** Limits of one reading: a document that takes longer or needs more memory is refused (a hostile PDF that loops, a zip bomb). */
export type ReadLimits = { deadlineMs: number; memoryMb: number };
export const READ_LIMITS: ReadLimits = { deadlineMs: 5 * 60_000, memoryMb: 1536 };

/**
 * Reads a document in a worker thread (read-document-worker.ts): a large PDF or Word file takes seconds
 * of work that would hold the event loop, and with it every other conversation, the Slack acks and the
 * Discord heartbeat. The same result and the same Dutch reasons (IngestError) as reading it here. A
 * reading that passes its deadline is stopped, and one that runs out of its memory stops itself; both
 * are refused with a Dutch reason, the app goes on.
 */
export function readDocumentInWorker(name: string, bytes: Buffer, limits: ReadLimits = READ_LIMITS): Promise<ReadDocument> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ name, bytes: new Uint8Array(bytes) }, limits.memoryMb);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      outcome();
      void worker.terminate();
    };
    const minutes = Math.max(1, Math.round(limits.deadlineMs / 60_000));
    const tooLong = `het inlezen duurde langer dan ${minutes} ${minutes === 1 ? "minuut" : "minuten"}; is het bestand beschadigd of erg groot?`;
    const deadline = setTimeout(() => settle(() => reject(new IngestError(tooLong))), limits.deadlineMs);
    worker.once("message", (outcome: Outcome) => settle(() => {
      if ("read" in outcome) resolve(outcome.read);
      else reject(outcome.failed.ingest ? new IngestError(outcome.failed.message, outcome.failed.detail) : new Error(outcome.failed.message));
    }));
    worker.once("error", (error: Error & { code?: string }) => settle(() => {
      reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new IngestError("het document vraagt te veel geheugen om in te lezen; is het bestand beschadigd of erg groot?", error.message) : error);
    }));
    worker.once("exit", (code) => settle(() => reject(new IngestError(`het inlezen stopte onverwacht (code ${code})`))));
  });
}

/**
 * The worker from the built JavaScript (dist/), or, where the TypeScript runs as it is (tsx, the tests),
 * from the TypeScript with tsx registered first: a worker thread does not inherit it.
 */
function startWorker(workerData: { name: string; bytes: Uint8Array }, memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb };
  const fromTypeScript = import.meta.url.endsWith(".ts");
  const entry = new URL(`./read-document-worker.${fromTypeScript ? "ts" : "js"}`, import.meta.url);
  if (!fromTypeScript) return new Worker(entry, { workerData, resourceLimits });
  const bootstrap = `import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
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
