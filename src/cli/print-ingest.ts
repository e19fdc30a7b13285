import type { Knowledge } from "../app/open-knowledge.js";
import type { IngestProgress } from "../ingest/ingest-sources.js";
import { runningAppOn } from "../app/running-marker.js";
import { megabytes } from "../core/dutch-numbers.js";
import { compactIfMostlyFree, mostlyFree } from "../store/compact-database.js";

/** Progress on standard error: a live line on a terminal, a line per tenth otherwise. */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr): (p: IngestProgress) => void {
  let lastTenth = -1;
  return ({ done, total, source }) => {
    if (total < 2) return;
    if (stream.isTTY) {
      stream.write(`\r\x1b[K[${done}/${total}] ${source}`);
      if (done === total) stream.write("\r\x1b[K");
      return;
    }
    const tenth = Math.floor((done / total) * 10);
    if (tenth !== lastTenth && total >= 20) {
      lastTenth = tenth;
      stream.write(`… ${done}/${total} bestanden\n`);
    }
  };
}

/** With embeddings configured: embeds what is new or changed, with progress, and says how it went. */
export async function printVectorSync(knowledge: Knowledge, stream: NodeJS.WriteStream = process.stderr): Promise<void> {
  if (!knowledge.semantic.vectors) return;
  const summary = await knowledge.semantic.refreshVectors((done, total) => {
    if (stream.isTTY) stream.write(`\r\x1b[K[${done}/${total}] passages ingebed${done === total ? "\n" : ""}`);
  });
  console.log(summary
    ? `Vectoren bijgewerkt: ${summary.embedded} ingebed, ${summary.deleted} verwijderd, ${summary.unchanged} ongewijzigd.`
    : "Vectoren niet bijgewerkt: de embeddingdienst gaf geen antwoord (zie het log). De volgende keer gaat het verder waar het stopte.");
}

/**
 * After documents were removed: the database rewritten smaller when much of it is free space, and said
 * so. Not while the app runs on it (rewriting holds the app's writes up for seconds): then only a hint.
 */
export function printCompaction(knowledge: Knowledge, databasePath: string): void {
  if (runningAppOn(databasePath)) {
    if (mostlyFree(knowledge.db)) console.log("De database heeft veel vrije ruimte; die komt vrij als je dit opnieuw doet terwijl Vliegwiel gestopt is.");
    return;
  }
  const compacted = compactIfMostlyFree(knowledge.db, databasePath);
  if (compacted && compacted.after < compacted.before) {
    console.log(`Database verkleind: ${megabytes(compacted.before)} → ${megabytes(compacted.after)} (ruimte van verwijderde documenten vrijgegeven).`);
  }
}
