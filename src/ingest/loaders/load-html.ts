import { parse, type HTMLElement, type Node } from "node-html-parser";
import type { LoadedDocument } from "../loaded-document.js";
import { loadMarkdown } from "./load-markdown.js";

const SKIPPED = "script, style, noscript, nav, header, footer, aside, form, svg, template";
const BLOCK = new Set(["p", "div", "section", "article", "main", "li", "tr", "br", "blockquote", "pre", "table", "ul", "ol", "dd", "dt", "figcaption"]);

/** Web pages and converted Word files: headings become markdown headings, other blocks paragraphs. */
export function loadHtml(html: string): LoadedDocument {
  const root = parse(html, { comment: false });
  root.querySelectorAll(SKIPPED).forEach((el) => el.remove());
  const body = root.querySelector("main") ?? root.querySelector("article") ?? root.querySelector("body") ?? root;
  const markdown = toMarkdown(body).replace(/\n{3,}/g, "\n\n").trim();
  const loaded = loadMarkdown(markdown);
  const pageTitle = root.querySelector("title")?.text.trim();
  return { ...loaded, title: pageTitle || loaded.title };
}

function toMarkdown(node: Node): string {
  // The parser decodes every HTML entity (&ouml;, &#x263A;), once.
  if (node.nodeType === 3) return node.text.replace(/\s+/g, " ");
  if (node.nodeType !== 1) return "";
  const el = node as HTMLElement;
  const tag = el.tagName?.toLowerCase() ?? "";
  const inner = el.childNodes.map(toMarkdown).join("");
  const heading = /^h([1-6])$/.exec(tag);
  if (heading) return `\n\n${"#".repeat(Number(heading[1]))} ${inner.trim()}\n\n`;
  if (tag === "li") return `\n- ${inner.trim()}\n`;
  if (BLOCK.has(tag)) return isBoldLine(el, inner) ? `\n\n**${inner.trim()}**\n\n` : `\n\n${inner.trim()}\n\n`;
  return inner;
}

/**
 * A paragraph that is one short bold phrase (not a sentence) is a heading, as people write them in
 * Word without heading styles: "**Geld en subsidies**" for the markdown reader's bold-line rule.
 */
function isBoldLine(el: HTMLElement, inner: string): boolean {
  const text = inner.trim();
  if (!text || text.length > 80 || /[.:;,]$/.test(text) || !["p", "div"].includes(el.tagName?.toLowerCase() ?? "")) return false;
  const parts = el.childNodes.filter((child) => child.nodeType === 1 || child.text.trim());
  const only = parts.length === 1 && parts[0]!.nodeType === 1 ? (parts[0] as HTMLElement) : undefined;
  return !!only && ["strong", "b"].includes(only.tagName?.toLowerCase() ?? "") && !only.querySelector("br");
}
