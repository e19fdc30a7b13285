import { parentPort, workerData } from "node:worker_threads";
import { IngestError } from "./loaded-document.js";
import { readDocument } from "./read-document.js";

/** The worker thread of read-in-worker.ts: reads one document and posts the result, or why it cannot be read. */
const { name, bytes } = workerData as { name: string; bytes: Uint8Array };
readDocument(name, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).then(
  (read) => parentPort!.postMessage({ read }),
  (error: unknown) => parentPort!.postMessage({
    failed: error instanceof IngestError
      ? { ingest: true, message: error.message, detail: error.detail }
      : { ingest: false, message: error instanceof Error ? error.message : String(error) },
  }),
);
