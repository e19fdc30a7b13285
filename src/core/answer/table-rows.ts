/**
 * Table rows as sentences that say what their cells are. The loaders keep a table row by row, its
 * cells apart by " | " and its header row a line of its own (bold cells, as Word and `<th>` give them,
 * or a markdown table's row above its `|---|` line). A row read on its own ("Maaltijdservice | ma, wo
 * en vr | € 7,50 per maaltijd") no longer says that the amount is the cost for members; labelled by
 * its header ("Dienst: Maaltijdservice; Wanneer: ma, wo en vr; Kosten voor leden: € 7,50 per
 * maaltijd") it does, for the reader of a quote and for the sentence that is matched to a question.
 * The header row itself, then said in every row, is left out; a header its rows do not take up stays.
 * A table without a marked header (a two-column list of labels and values, say) stays as it was: its
 * first row is no header. An empty cell keeps its place (EMPTY_CELL) and says nothing.
 */
export function labelTableRows(lines: readonly string[]): string[] {
  const out: string[] = [];
  let header: string[] | undefined;
  let inTable = false;
  let headerLine: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === "") {
      out.push(line);
      continue;
    }
    const cells = cellsOf(line);
    if (!cells) {
      header = undefined;
      inTable = false;
      out.push(line);
      continue;
    }
    if (SEPARATOR.test(line)) continue;
    // A bold row opens a table. Further down, a bold row of names (no figures) with plain rows after it
    // opens the next table (Word's tables one right after the other); a total or subtotal is one of its rows.
    const next = nextLine(lines, i) ?? "";
    if (SEPARATOR.test(next) || (cells.every(isBold) && (!inTable || (!/\d/.test(line) && opensRows(next))))) {
      if (headerLine) out.push(headerLine, "");
      header = cells.map(unbold);
      headerLine = line;
      inTable = true;
      continue;
    }
    inTable = true;
    const row = header ? labelled(header, cells.map(unbold)) : undefined;
    // A header its rows do not take up (a table comparing the things it names) stays a line of its own.
    if (!row && headerLine) out.push(headerLine, "");
    headerLine = undefined;
    // A row read as a sentence that ends in a small figure ("Kosten: € 1.") would take the next row in as a
    // list item's number does ("1. Dienst …"): a markdown table's rows, on lines one after the other, are kept apart.
    if (row && /(?:^|[\s:(])\d{1,2}\.$/u.test(out.at(-1) ?? "")) out.push("");
    out.push(row ?? line);
  }
  if (headerLine) out.push(headerLine);
  return out;
}

/** The cells of a table row ("a | b | c", or markdown's "| a | b |"), or undefined for a line that is none. */
function cellsOf(line: string): string[] | undefined {
  if (!line.includes("|")) return undefined;
  // Markdown writes a bar inside a cell as "\|": it stays in its cell, as a slash.
  const cells = line.replace(/^\|/, "").replace(/\|$/, "").split(/(?<!\\)\|/).map((cell) => cell.replace(/\\\|/g, "/").trim());
  return cells.length >= 2 && (line.includes(" | ") || /^\|.*\|$/.test(line)) ? cells : undefined;
}

/**
 * A row's cells after their header's names. A table whose header has an empty corner cell compares
 * things (its header names them, "Postcoderoos (tot april 2021)") by their properties: its rows stay
 * as they are, as the names and their dates said in every row would read as that row's own.
 */
function labelled(header: readonly string[], cells: readonly string[]): string | undefined {
  const pairs = (names: readonly string[], values: readonly string[]) =>
    values.map((value, k) => (!value || value === EMPTY_CELL ? "" : names[k] ? `${names[k]}: ${value}` : value)).filter(Boolean).join("; ");
  // A full stop: the row reads as the statement it is (a quote may end on it, it is no heading).
  const ended = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
  // Word and web tables leave the empty corner out (a cell fewer); markdown keeps it empty.
  if (cells.length === header.length && header[0] !== "") return ended(pairs(header, cells));
  return undefined;
}

/** An empty cell as the loaders keep its place (load-html.ts): no value. */
export const EMPTY_CELL = "–";
const nextLine = (lines: readonly string[], i: number) => lines.slice(i + 1).find((l) => l !== "");
/** A table row that is not bold: one a bold row above it can be the header of. */
const opensRows = (line: string) => {
  const cells = cellsOf(line);
  return !!cells && !SEPARATOR.test(line) && !cells.every(isBold);
};
/** A markdown table's line under its header: "|---|:---:|". */
const SEPARATOR = /^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/;
const isBold = (cell: string) => /^\*\*[^*]+\*\*$/.test(cell);
const unbold = (cell: string) => cell.replace(/^\*\*|\*\*$/g, "").trim();
