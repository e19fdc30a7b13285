/**
 * CSV formula injection: a spreadsheet program reads a cell that begins with = + - @ (or a tab or
 * carriage return) as a formula, so a question or a name typed as `=HYPERLINK(…)` would run when the
 * file is opened. As OWASP advises, such a cell is written with a single quote in front, which the
 * program shows as text; the value is otherwise kept as it is. A value that itself starts with quotes
 * before such a character gets one quote more, so `unneutralised` gives every value back exactly.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The cell as exported: a quote in front of what a spreadsheet would take for a formula. */
export function neutralised(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The value of a cell `neutralised` wrote (for an import): that one added quote taken off again. */
export function unneutralised(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}
