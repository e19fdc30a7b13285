import { parse, type HTMLElement, type Node } from "node-html-parser";
import { IngestError, type LoadedDocument } from "../loaded-document.js";
import { loadMarkdown } from "./load-markdown.js";
import { itemNumbers } from "./numbered-lists.js";
import { withoutParts } from "./without-parts.js";
import { EMPTY_CELL } from "../../core/answer/table-rows.js";

const SKIPPED = [
  "script, style, noscript, nav, header, footer, aside, form, svg, template, dialog, select",
  // The parts of a page that ARIA names as not its content. (Hidden parts stay: an FAQ's answers are
  // hidden until a question is pressed, and buttons keep their text: such a question is one.)
  "[role=navigation], [role=banner], [role=contentinfo], [role=search], [role=complementary]",
].join(", ");
/**
 * A class name or id of a page's furniture (cookie notices, breadcrumbs, share buttons, menus, skip links,
 * newsletter sign-ups), whole; the first kinds also after a prefix ("site-", "c-"). "menukaart",
 * "lunch-menu" or "social-media-beleid" are content.
 */
const FURNITURE =
  /^(?:(?:[a-z]+[-_])?(?:cookie(?:s|[-_]?(?:bar|banner|notice|consent|melding|wall))?|consent(?:[-_]?banner)?|breadcrumbs?|skip[-_]?(?:link|links|to[-_]?content)|share|sharing|share[-_]?(?:buttons|links|bar|this)|social[-_]?(?:share|sharing|links|icons|buttons|follow)|newsletter(?:[-_]?signup)?)|navbar|menu|nav[-_]?menu|main[-_]?menu|mobile[-_]?menu|site[-_]?menu)$/i;
const BLOCK = new Set(["p", "div", "section", "article", "main", "li", "tr", "br", "blockquote", "pre", "ul", "ol", "figcaption"]);

/**
 * Web pages and converted Word files: headings become markdown headings, other blocks paragraphs. A
 * page nested thousands of elements deep (no real page is) runs the parser's and this reader's
 * recursion out of stack: that is named as the reason, not an unexpected error.
 */
export function loadHtml(html: string): LoadedDocument {
  try {
    return loadParsedHtml(html);
  } catch (error) {
    if (!(error instanceof RangeError) || !/call stack/i.test(error.message)) throw error;
    throw new IngestError("de pagina is te diep genest (duizenden elementen in elkaar): zo'n pagina lees ik niet in", error.message);
  }
}

function loadParsedHtml(html: string): LoadedDocument {
  // A tag its author left open (a <section> without </section>, common on real pages) is closed where
  // its parent ends, as a browser does; without this the parser drops body, main and article themselves
  // and the page's head and doctype were read as its first paragraph.
  const root = parse(html, { comment: false, parseNoneClosedTags: true });
  const content = partsOfTheContent(root);
  withoutParts(root, root.querySelectorAll(SKIPPED).filter((el) => !wrapsThePage(el) && !content.has(el)), isUnclosed);
  withoutParts(root, root.querySelectorAll("[class], [id]").filter(isFurniture), isUnclosed);
  const body = root.querySelector("main") ?? root.querySelector("article") ?? root.querySelector("body") ?? root;
  const markdown = toMarkdown(body).replace(/\n{3,}/g, "\n\n").trim();
  const loaded = loadMarkdown(markdown);
  const pageTitle = root.querySelector("title")?.text.trim();
  return { ...loaded, title: pageTitle || loaded.title };
}

/**
 * The asides and headers inside the article or main part, which belong to it: a tip box beside the text
 * ("Tip: begin klein", "Goed om te weten"), the article's own title and lead. Beside the main part, an
 * aside is a sidebar and a header the site's banner, and go. Found in one walk down the page (without
 * recursion): asking each element for its ancestors took time by the square of the depth, and the parser's
 * closest() by its cube (1 000 unclosed asides, which the parser nests, took 33 s; 10 000 hours).
 */
function partsOfTheContent(root: HTMLElement): Set<HTMLElement> {
  const found = new Set<HTMLElement>();
  const stack: Array<{ node: Node; inside: boolean }> = [{ node: root, inside: false }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (next.node.nodeType !== 1) continue;
    const el = next.node as HTMLElement;
    const tag = el.tagName?.toLowerCase();
    const role = el.getAttribute?.("role");
    if (next.inside && (tag === "aside" || tag === "header" || role === "complementary")) found.add(el);
    const inside = next.inside || tag === "article" || tag === "main" || role === "main";
    for (const child of el.childNodes) stack.push({ node: child, inside });
  }
  return found;
}

/**
 * A form around the page's content (ASP.NET WebForms wraps the whole page in one) is no search box or
 * sign-up form: it holds the main part, an article or the page's first heading, and stays.
 */
function wrapsThePage(el: HTMLElement): boolean {
  return el.tagName?.toLowerCase() === "form" && !!el.querySelector("main, article, h1");
}

function toMarkdown(node: Node): string {
  // The parser decodes every HTML entity (&ouml;, &#x263A;), once.
  if (node.nodeType === 3) return node.text.replace(/\s+/g, " ");
  if (node.nodeType !== 1) return "";
  const el = node as HTMLElement;
  const tag = el.tagName?.toLowerCase() ?? "";
  // A table and a definition list read their parts themselves: their text read here first as well (and thrown
  // away) read a table in a cell twice, one in that one's cell four times: 20 tables in each other's cells took minutes.
  if (tag === "table") return `\n\n${tableText(el)}\n\n`;
  if (tag === "dl") return `\n\n${definitionText(el)}\n\n`;
  const inner = el.childNodes.map(toMarkdown).join("");
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) return `\n\n${"#".repeat(Number(heading[1]))} ${inner.trim()}\n\n`;
  if (tag === "li") return `\n${itemMark(el)} ${inner.trim()}\n`;
  if (BLOCK.has(tag)) return isBoldLine(el, inner) ? `\n\n**${inner.trim()}**\n\n` : `\n\n${inner.trim()}\n\n`;
  return inner;
}

/** "3." for the third item of a numbered list (as a browser counts it, numbered-lists.ts), "-" for a bullet. */
function itemMark(li: HTMLElement): string {
  const list = li.parentNode as HTMLElement | null;
  if (list?.tagName?.toLowerCase() !== "ol") return "-";
  return `${itemNumbers(list).get(li) ?? 1}.`;
}

/**
 * A paragraph that is one short bold phrase (not a sentence) is a heading, as people write them in
 * Word without heading styles: "**Geld en subsidies**" for the markdown reader's bold-line rule.
 */
function isBoldLine(el: HTMLElement, inner: string): boolean {
  const text = inner.trim();
  if (!text || text.length > 80 || /[.:;,]$/.test(text) || !["p", "div", "td"].includes(el.tagName?.toLowerCase() ?? "")) return false;
  const parts = el.childNodes.filter((child) => child.nodeType === 1 || child.text.trim());
  const only = parts.length === 1 && parts[0]!.nodeType === 1 ? (parts[0] as HTMLElement) : undefined;
  return !!only && ["strong", "b"].includes(only.tagName?.toLowerCase() ?? "") && !only.querySelector("br");
}

/**
 * Whether an element was left unclosed: the parser ends its range at its start tag, before what it holds.
 * Not one whose end tag HTML lets out (a <p> ends where the next <p> starts, a <li> at the next <li>):
 * the parser ends it where a browser does, so it holds only its own content.
 */
const isUnclosed = (el: HTMLElement) =>
  !OPTIONAL_END_TAG.has(el.tagName.toLowerCase()) && el.childNodes.some((child) => child.range[1] > el.range[1]);
const OPTIONAL_END_TAG = new Set(["p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rt", "rp", "caption", "colgroup"]);

/** A page's furniture by its class or id (never the body or the main content itself). */
function isFurniture(el: HTMLElement): boolean {
  const tag = el.tagName?.toLowerCase();
  if (tag === "body" || tag === "main" || tag === "html") return false;
  const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.split(/\s+/).filter(Boolean);
  return names.some((name) => FURNITURE.test(name));
}

/** A cell's or term's text on one line (Word puts paragraphs inside table cells). */
const oneLine = (el: HTMLElement) => toMarkdown(el).replace(/\s+/g, " ").trim();
/** A cell's text, a bar of its own written as a slash: " | " keeps the cells apart (table-rows.ts reads them by it). */
const cellLine = (el: HTMLElement) => oneLine(el).replace(/\s*\|\s*/g, " / ");

/**
 * A table row by row, its cells kept apart by " | " (they were glued together before: "DagTijd", as Word
 * writes cells without spaces between them). The header row stays one line of its own: repeated before
 * every cell it would count its words, and its dates or amounts, once per row.
 */
function tableText(table: HTMLElement): string {
  const rows = ownRows(table);
  const cellsOf = (tr: HTMLElement) => tr.childNodes.filter((c): c is HTMLElement => c.nodeType === 1 && ["td", "th"].includes((c as HTMLElement).tagName.toLowerCase()));
  const cells = rows.flatMap(cellsOf);
  // A table used for the page's layout (cells holding headings, lists or tables of their own, or one
  // column) is read as the blocks it holds, its headings kept.
  if (cells.some((cell) => cell.querySelector("h1, h2, h3, h4, h5, h6, ul, ol, table")) || rows.every((tr) => cellsOf(tr).length <= 1)) {
    return cells.map(toMarkdown).join("\n\n");
  }
  // A header cell is bold, as Word's header rows are: a row of them names the columns (see table-rows.ts).
  const cellText = (cell: HTMLElement) => {
    const text = cellLine(cell);
    // A cell that is all bold (<td><b>Dienst</b></td>, as content systems write a header row) is marked as <th> is.
    return (cell.tagName.toLowerCase() === "th" || isBoldLine(cell, text)) && text && !/^\*\*.*\*\*$/.test(text) ? `**${text.replace(/\*\*/g, "")}**` : text;
  };
  // An empty cell keeps its place ("–", EMPTY_CELL), so a row's cells stay under their columns; an empty row goes.
  return rows
    .map((tr) => cellsOf(tr).map(cellText))
    .filter((cells) => cells.some(Boolean))
    .map((cells) => cells.map((cell) => cell || EMPTY_CELL).join(" | "))
    .join("\n\n");
}

/**
 * A table's own rows, in order: not those of a table inside one of its cells. Found in one walk down the
 * table that stops at such a table (asking each row of every table for its closest() table took time by the
 * fifth power of the nesting: 15 tables in each other's cells took 4 s, 50 hours).
 */
function ownRows(table: HTMLElement): HTMLElement[] {
  const rows: HTMLElement[] = [];
  const stack = [...table.childNodes].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.nodeType !== 1) continue;
    const tag = (node as HTMLElement).tagName?.toLowerCase();
    if (tag === "table") continue;
    if (tag === "tr") rows.push(node as HTMLElement);
    stack.push(...[...node.childNodes].reverse());
  }
  return rows;
}

/** A definition list as "term: description" lines ("Adres: Kerkstraat 1"). */
function definitionText(list: HTMLElement): string {
  const lines: string[] = [];
  let term: string | undefined;
  for (const child of list.childNodes) {
    if (child.nodeType !== 1) continue;
    const el = child as HTMLElement;
    const tag = el.tagName.toLowerCase();
    if (tag === "dt") {
      if (term) lines.push(term);
      term = oneLine(el);
    } else if (tag === "dd") {
      lines.push(term ? `${term}: ${oneLine(el)}` : oneLine(el));
      term = undefined;
    }
  }
  if (term) lines.push(term);
  return lines.filter(Boolean).join("\n\n");
}
