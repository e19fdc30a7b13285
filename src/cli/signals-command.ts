import type { Knowledge } from "../app/open-knowledge.js";
import { signalSourcesOf } from "../app/signal-sources.js";
import type { Config } from "../config.js";
import { formatSignalReport, signalReportCsv } from "../core/handoff/signal-report-text.js";
import { count } from "../core/dutch-numbers.js";
import { signalReportFor } from "../core/handoff/signals-for.js";
import { SqliteHandoffRepository } from "../store/sqlite-handoff-repository.js";
import { YamlRoster } from "../store/yaml-roster.js";
import { openGids } from "../app/open-gids.js";
import { OVERWRITE_FLAG, writeExportFile } from "./write-export-file.js";
import { MAX_SIGNAL_DAYS } from "../core/handoff/signal-report.js";
import { flagValue, withoutFlag } from "./flag-value.js";

/** `kennis -- signalen [dagen] [--csv bestand [--overschrijf]]`: the same report coordinators see in the team view. */
export function printSignals(config: Config, knowledge: Knowledge, allArgs: string[]): number {
  const overwrite = allArgs.includes(OVERWRITE_FLAG);
  const args = allArgs.filter((a) => a !== OVERWRITE_FLAG);
  const csvFile = flagValue(args, "--csv", "een bestandsnaam, bijvoorbeeld signalen.csv");
  const rest = withoutFlag(args, "--csv");
  const days = Number(rest[0] ?? 30);
  if (!Number.isFinite(days) || days <= 0) throw new Error("geef het aantal dagen als getal, bijvoorbeeld 30");
  if (days > MAX_SIGNAL_DAYS) throw new Error(`hoogstens ${MAX_SIGNAL_DAYS} dagen, bijvoorbeeld 365 voor een jaar`);
  const roster = new YamlRoster(config.rosterFile, (message) => process.stderr.write(`${message}\n`));
  const report = signalReportFor(signalSourcesOf({
    db: knowledge.db, repository: new SqliteHandoffRepository(knowledge.db), questionLog: knowledge.questionLog, store: knowledge.store, roster, gids: openGids(config, knowledge),
  }), days);
  // The file first: a name that is taken stops the command before the report is printed.
  if (csvFile) writeExportFile(csvFile, signalReportCsv(report), overwrite);
  console.log(formatSignalReport(report));
  if (csvFile) {
    console.log(`\nSpreadsheet: ${csvFile} (${count(report.rows.length, "vraag", "vragen")}).`);
  }
  return 0;
}
