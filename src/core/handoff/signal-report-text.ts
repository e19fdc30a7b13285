import { count } from "../dutch-numbers.js";
import { neutralised } from "../text/spreadsheet-cell.js";
import type { SignalReport } from "./signal-report.js";

const STATUS_NL: Record<string, string> = { open: "open", claimed: "opgepakt", resolved: "afgesloten" };

/** The signals as a short Dutch report: the same text on the command line, in the team view and in Slack. */
export function formatSignalReport(r: SignalReport): string {
  const sharedTotal = r.shared.open + r.shared.claimed + r.shared.resolved;
  const lines = [
    `Signalen sinds ${r.since.slice(0, 10)}: ${count(r.asked, "vraag", "vragen")} gesteld, ${r.notAnswerable} ${r.notAnswerable === 1 ? "kon" : "konden"} niet uit de kennisbank beantwoord worden.`,
    `Doorgegeven aan een mens: ${sharedTotal} (${r.shared.open} open, ${r.shared.claimed} opgepakt, ${r.shared.resolved} afgesloten).` +
      (r.notShared ? ` Niet gedeeld of nog zonder toestemming: ${r.notShared}.` : ""),
  ];
  if (r.stuck.length) {
    lines.push("", "Vastgelopen (we proberen het elk uur en bij elke start opnieuw):", ...r.stuck.map((x) => `– ${x.question}: ${x.text}`));
  }
  if (r.waiting.length) {
    lines.push("", "Nog niet afgerond:", ...r.waiting.map((w) => `– [${STATUS_NL[w.status] ?? w.status}] ${w.question}${describe(w.theme, w.region)}`));
  }
  if (r.themes.length) lines.push("", "Per thema:", ...r.themes.map((t) => `– ${t.theme}: ${t.count}×`));
  if (r.regions.length) {
    lines.push("", "Per gemeente of regio:", ...r.regions.map((g) => `– ${g.region}: ${g.count}×${g.themes.length ? ` (${g.themes.join(", ")})` : ""}`));
  }
  if (sharedTotal) lines.push("", "Per week:", ...r.weeks.map((w) => `– ${w.week}: ${w.count}`));
  if (r.recurringWords.length) lines.push("", "Steeds terugkerend in doorgegeven vragen:", ...r.recurringWords.map((w) => `– ${w.word}: ${w.count}×`));
  for (const section of r.sections ?? []) lines.push("", `${section.title}:`, ...section.lines.map((line) => `– ${line}`));
  return lines.join("\n");
}

/** One line per shared question, for a spreadsheet at the network's meeting (semicolons, as Dutch Excel expects). */
export function signalReportCsv(r: SignalReport): string {
  // A question typed as a formula (`=HYPERLINK(…)`) stays text in the spreadsheet (see spreadsheet-cell.ts).
  const cell = (raw: string) => {
    const value = neutralised(raw);
    return /[";\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  const header = ["datum", "status", "thema", "gemeente of regio", "vraag"];
  const rows = r.rows.map((row) => [row.createdAt.slice(0, 10), STATUS_NL[row.status] ?? row.status, row.theme, row.region, row.question.replace(/\s+/g, " ")]);
  return `\uFEFF${[header, ...rows].map((cols) => cols.map(cell).join(";")).join("\r\n")}\r\n`;
}

function describe(theme: string | undefined, region: string | undefined): string {
  const parts = [theme, region].filter(Boolean);
  return parts.length ? ` (${parts.join(", ")})` : "";
}
