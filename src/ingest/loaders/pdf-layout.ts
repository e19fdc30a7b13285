import type { TextBlock } from "../loaded-document.js";

/** A run of text as pdf.js places it: baseline position, width and font size in page units. */
export type PdfItem = { str: string; x: number; y: number; width: number; size: number; hasEOL?: boolean };
export type PdfPage = { page: number; items: PdfItem[] };
type Line = { page: number; text: string; x: number; right: number; y: number; size: number };

/** A line this much larger than the body text is a heading. */
const HEADING_RATIO = 1.15;
/** A gap between lines this much wider than the usual line distance ends a paragraph. */
const PARAGRAPH_GAP = 1.45;
/** A line that reaches this share of the text width wraps on; a shorter one ends where the writer ended it. */
const FULL_LINE = 0.85;
const LIST_ITEM = /^([•◦▪●·\-–—*]|\d{1,2}[.)]|[a-z][.)])\s/u;
const PAGE_NUMBER = /^(pagina|page|blz\.?|p\.)?\s*\d{1,4}(\s*(van|of|\/)\s*\d{1,4})?$|^[-–—]\s*\d{1,4}\s*[-–—]$/i;

/**
 * The text of a PDF as a person reads it, from where pdf.js places each piece: lines rebuilt from
 * positions; running headers, footers and page numbers left out; a line in a larger font starts a
 * section under that heading; a wide gap ends a paragraph; a line that wraps is joined to the next
 * (a word broken with a hyphen made whole when `isWord` knows it), a short line or a list item keeps
 * its own line. Without larger headings, each page is a block under "pagina N" (so is text before the
 * first heading). `opening`: the heading the first page opens with, before any text (the document's
 * own title).
 */
export function pdfBlocks(pages: readonly PdfPage[], isWord: (word: string) => boolean = () => false): { blocks: TextBlock[]; opening?: string } {
  const placed = pages.map(linesOf);
  const repeated = runningCandidates(placed);
  const body = bodySize(placed.flat().filter((l) => !repeated.has(l)));
  // A chapter heading at the top of each page repeats too, but is set larger than the text.
  const all = placed.flat().filter((l) => !(repeated.has(l) && l.size <= body));
  if (!all.length) return { blocks: [] };
  const spacing = lineSpacing(all, body);
  const measure = columnMeasure(all, body);
  const isHeading = (line: Line) => line.size >= body * HEADING_RATIO && line.text.length <= 200 && /\p{L}/u.test(line.text);
  const hasHeadings = all.some(isHeading);

  const blocks: TextBlock[] = [];
  let current: TextBlock | undefined;
  let previous: Line | undefined;
  for (const line of all) {
    if (hasHeadings && isHeading(line)) {
      const continues = previous && isHeading(previous) && previous.page === line.page && previous.y - line.y <= line.size * 1.6 && current && !current.text;
      if (continues) current!.heading = `${current!.heading} ${line.text}`;
      else blocks.push((current = { heading: line.text, page: line.page, text: "" }));
    } else if (!current || !current.text) {
      if (!current) blocks.push((current = { heading: `pagina ${line.page}`, page: line.page, text: "" }));
      current.text = line.text;
    } else {
      const joined = joinLines(current.text, previous!, line, spacing, measure, isWord);
      // Without headings each page is a block; a sentence that runs on over the page break stays whole.
      if (!hasHeadings && line.page !== current.page && joined.broke) blocks.push((current = { heading: `pagina ${line.page}`, page: line.page, text: line.text }));
      else current.text = joined.text;
    }
    previous = line;
  }
  // A heading the first page opens with, before any text, names the document.
  const opening = blocks[0]?.page === 1 && blocks[0].heading && !blocks[0].text ? blocks[0].heading : undefined;
  return { blocks: blocks.filter((b) => b.text.trim()).map((b) => ({ ...b, text: b.text.trim() })), opening };
}

/** The text with the line added; `broke`: after a paragraph or line break rather than a wrap. */
function joinLines(text: string, previous: Line, line: Line, spacing: number, measure: (line: Line) => { left: number; right: number }, isWord: (word: string) => boolean): { text: string; broke: boolean } {
  const column = measure(previous);
  const previousFull = previous.right - column.left >= (column.right - column.left) * FULL_LINE;
  const startsLower = /^\p{Ll}/u.test(line.text);
  // On a new page or at the top of the next column, only a sentence that runs on continues.
  const jumps = previous.page !== line.page || line.y > previous.y;
  const wraps = jumps ? previousFull && startsLower : previous.y - line.y <= spacing * PARAGRAPH_GAP && previousFull && !LIST_ITEM.test(line.text);
  if (wraps) return { text: joinWrapped(text, line.text, isWord), broke: false };
  const paragraph = jumps || previous.y - line.y > spacing * PARAGRAPH_GAP;
  return { text: `${text}${paragraph ? "\n\n" : "\n"}${line.text}`, broke: true };
}

/**
 * The left and right edge of the column a line is in: the body lines of the document that start near
 * it (an indented list item is near; the next column, a third of a page or so away, is not). A
 * document in two columns has two measures; one in one column, one.
 */
function columnMeasure(lines: readonly Line[], body: number): (line: Line) => { left: number; right: number } {
  // Lines grouped by where they start, a letter's width at a time, so a long document stays quick.
  const starts = new Map<number, { left: number; right: number }>();
  for (const l of lines) {
    if (l.size !== body) continue;
    const key = Math.round(l.x / body);
    const known = starts.get(key);
    starts.set(key, { left: Math.min(known?.left ?? l.x, l.x), right: Math.max(known?.right ?? l.right, l.right) });
  }
  return (line) => {
    const key = Math.round(line.x / body);
    let measure = { left: line.x, right: line.right };
    for (let k = key - 12; k <= key + 12; k++) {
      const near = starts.get(k);
      if (near) measure = { left: Math.min(measure.left, near.left), right: Math.max(measure.right, near.right) };
    }
    return measure;
  };
}

/** A wrapped line goes on after a space; "gemeen-" + "schap" becomes one word when it is one. */
function joinWrapped(text: string, next: string, isWord: (word: string) => boolean): string {
  const broken = /(\p{L}+)-$/u.exec(text);
  const rest = /^(\p{Ll}+)/u.exec(next);
  if (broken && rest && isWord(`${broken[1]}${rest[1]}`.toLowerCase())) return `${text.slice(0, -1)}${next}`;
  if (broken) return `${text}${next}`;
  return `${text} ${next}`;
}

/** Pieces on one baseline make a line; a piece far from the one before gets a space. */
function linesOf({ page, items }: PdfPage): Line[] {
  type Building = Line & { chars: Map<number, number> };
  const lines: Building[] = [];
  let line: Building | undefined;
  for (const item of items) {
    const size = Math.round(item.size * 2) / 2;
    const sameLine = line && Math.abs(line.y - item.y) <= Math.max(line.size, size, 1) * 0.4;
    if (item.str.trim()) {
      if (!line || !sameLine) {
        if (line) lines.push(line);
        line = { page, text: "", x: item.x, right: item.x, y: item.y, size, chars: new Map() };
      }
      const gap = item.x - line.right;
      if (line.text && gap > size * 0.2 && !/\s$/.test(line.text) && !/^\s/.test(item.str)) line.text += " ";
      line.text += item.str;
      line.right = Math.max(line.right, item.x + item.width);
      line.chars.set(size, (line.chars.get(size) ?? 0) + item.str.trim().length);
    } else if (line && sameLine) {
      line.text += item.str;
    }
    if (item.hasEOL && line) (lines.push(line), (line = undefined));
  }
  if (line) lines.push(line);
  return lines
    .map(({ chars, ...l }) => ({ ...l, text: l.text.replace(/\s+/g, " ").trim(), size: mostCommon(chars) }))
    .filter((l) => l.text);
}

/** Lines at the top or bottom of most pages with the same words (digits aside), and lone page numbers. */
function runningCandidates(pages: Line[][]): Set<Line> {
  const key = (l: Line) => l.text.toLowerCase().replace(/\d+/g, "#");
  const edges = (lines: Line[]) => [...new Set([...lines.slice(0, 2), ...lines.slice(-2)])];
  const seen = new Map<string, number>();
  for (const lines of pages) for (const k of new Set(edges(lines).map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const repeated = (l: Line) => PAGE_NUMBER.test(l.text) || (pages.length >= 3 && (seen.get(key(l)) ?? 0) >= pages.length * 0.6);
  return new Set(pages.flatMap((lines) => edges(lines).filter(repeated)));
}

/** The font size most of the text is set in. */
function bodySize(lines: readonly Line[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(l.size, (chars.get(l.size) ?? 0) + l.text.length);
  return mostCommon(chars);
}

/** The usual distance between two lines of body text (the median of the distances on one page). */
function lineSpacing(lines: readonly Line[], body: number): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const [a, b] = [lines[i - 1]!, lines[i]!];
    const gap = a.y - b.y;
    if (a.page === b.page && a.size === body && b.size === body && gap > 0 && gap < body * 3) gaps.push(gap);
  }
  gaps.sort((x, y) => x - y);
  return gaps.length ? gaps[Math.floor(gaps.length / 2)]! : body * 1.2;
}

function mostCommon(counts: ReadonlyMap<number, number>): number {
  let best = 0;
  let most = -1;
  for (const [value, count] of counts) if (count > most) (best = value), (most = count);
  return best;
}
