import type { IngestProgress, IngestSummary } from "../ingest/ingest-sources.js";

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

/** The closing summary and one line per failed source. */
export function formatSummary(summary: IngestSummary): string {
  const lines = [
    `Kennisbank bijgewerkt: ${summary.added.length} toegevoegd, ${summary.updated.length} bijgewerkt, ` +
      `${summary.unchanged.length} ongewijzigd, ${summary.removed.length} verwijderd, ${summary.failed.length} mislukt.`,
  ];
  for (const f of summary.failed) lines.push(`  ✗ ${f.source}: ${f.reason}`);
  return lines.join("\n");
}
