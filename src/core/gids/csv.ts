import { neutralised, unneutralised } from "../text/spreadsheet-cell.js";

/** One record of a CSV file, with the line it starts on (1-based, the header is line 1). */
export type CsvRecord = { line: number; cells: string[]; /** a quote was opened and never closed */ unclosed?: boolean };

/**
 * Reads CSV as spreadsheets write it (RFC 4180): cells in double quotes may hold the separator, line
 * breaks and doubled quotes. The separator is taken from the header line: a semicolon (Dutch
 * spreadsheets) when it has more of those than commas. A byte-order mark is ignored. The quote an
 * export put in front of a formula-like cell (see spreadsheet-cell.ts) is taken off.
 */
export function parseCsv(text: string): { separator: string; records: CsvRecord[] } {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const separator = count(firstLine, ";") >= count(firstLine, ",") && firstLine.includes(";") ? ";" : ",";
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else { if (c === "\n") line++; cell += c; }
      continue;
    }
    if (c === '"' && cell.trim() === "") { quoted = true; cell = ""; }
    else if (c === separator) { cells.push(cell); cell = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && body[i + 1] === "\n") i++;
      cells.push(cell);
      if (cells.some((x) => x.trim() !== "")) records.push({ line: start, cells: cells.map(unneutralised) });
      cells = []; cell = ""; line++; start = line;
    } else cell += c;
  }
  cells.push(cell);
  if (quoted) records.push({ line: start, cells: cells.map(unneutralised), unclosed: true });
  else if (cells.some((x) => x.trim() !== "")) records.push({ line: start, cells: cells.map(unneutralised) });
  return { separator, records };
}

/**
 * One CSV line; cells that hold the separator, a quote or a line break are quoted, and a cell a
 * spreadsheet would take for a formula gets a quote in front (`parseCsv` takes it off again).
 */
export function csvLine(cells: readonly string[], separator = ";"): string {
  return cells.map(neutralised).map((c) => (/["\r\n]/.test(c) || c.includes(separator) ? `"${c.replace(/"/g, '""')}"` : c)).join(separator);
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
