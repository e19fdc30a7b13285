import type { IngestSummary } from "./ingest-sources.js";

/** The closing summary and one line per failed source. */
export function formatSummary(summary: IngestSummary, withDetail = false): string {
  const lines = [
    `Kennisbank bijgewerkt: ${summary.added.length} toegevoegd, ${summary.updated.length} bijgewerkt, ` +
      `${summary.unchanged.length} ongewijzigd, ${summary.removed.length} verwijderd, ${summary.failed.length} mislukt.`,
  ];
  for (const f of summary.failed) lines.push(`  ✗ ${f.source}: ${f.reason}${withDetail && f.detail ? ` [${f.detail}]` : ""}`);
  return lines.join("\n");
}
