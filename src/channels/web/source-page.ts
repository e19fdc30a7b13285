import type { SourceDocument } from "../../core/channel.js";
import { plainTitle, repeatsTitle } from "../../core/plain-title.js";

/** The path of a source page: the document, opened at the cited passage. */
export function sourcePath(documentId: string, passageId?: string): string {
  const ordinal = passageId?.split("#").pop();
  return `/bron/${encodeURIComponent(documentId)}${passageId ? `?passage=${encodeURIComponent(passageId)}#passage-${ordinal}` : ""}`;
}

/**
 * A document as one readable page: its passages in order under their headings or pages (without the
 * overlap passages share), the cited passage marked and scrolled to by its anchor.
 */
export function renderSourcePage(doc: SourceDocument, citedPassageId: string | undefined): string {
  const title = plainTitle(doc.title);
  const parts: string[] = [];
  let heading: string | undefined;
  let previous = "";
  for (const passage of doc.passages) {
    const section = passage.section && plainTitle(passage.section);
    const where = section || (passage.page ? `pagina ${passage.page}` : undefined);
    // A heading that only repeats the page's title (a tolk's answer: the question) is shown once, as the title.
    if (where && where !== heading && !repeatsTitle(where, title)) {
      parts.push(`<h2>${escapeHtml(where)}</h2>`);
      previous = "";
    }
    heading = where ?? heading;
    const text = withoutMarkup(withoutHeadingLine(withoutOverlap(previous, passage.text), section));
    previous = passage.text;
    const ordinal = passage.id.split("#").pop();
    const cited = passage.id === citedPassageId;
    const body = escapeHtml(text);
    parts.push(`<p id="passage-${escapeHtml(ordinal ?? "")}"${cited ? ' class="cited"' : ""}>${cited ? `<mark>${body}</mark>` : body}</p>`);
  }
  const meta = [doc.kind, doc.organisation, doc.year].filter(Boolean).map((m) => escapeHtml(m!)).join(" · ");
  // A link of the document's own address, only when it is a web address (a stored javascript: runs on this origin).
  const original = doc.url && /^https?:\/\//i.test(doc.url) ? `<p><a href="${escapeHtml(doc.url)}" rel="noopener">Het oorspronkelijke document</a></p>` : "";
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<title>${escapeHtml(title)} · Vliegwiel</title>
<style>
  body { margin: 0; font: 17px/1.6 system-ui, sans-serif; background: #f6f5f1; color: #222; }
  header { background: #1f6f5c; color: #fff; padding: .8rem 1.2rem; }
  header h1 { margin: 0; font-size: 1.2rem; }
  header p { margin: .2rem 0 0; font-size: .9rem; opacity: .9; }
  main { max-width: 760px; margin: 0 auto; padding: 1rem; white-space: pre-wrap; }
  h2 { font-size: 1.05rem; margin: 1.6rem 0 .4rem; white-space: normal; }
  p { margin: .4rem 0; }
  p.cited { scroll-margin-top: 2rem; }
  mark { background: #fff1b8; padding: .1rem 0; }
</style>
</head>
<body>
<header><h1>${escapeHtml(title)}</h1><p>${meta}</p></header>
<main>${original}${parts.join("\n")}</main>
</body>
</html>`;
}

/**
 * The passage's first lines as long as they are its section, already shown above it: a Markdown heading
 * ("# Vraag"), a bold line ("**Wat is …?**", often right under that heading) or a text file's plain heading line.
 */
function withoutHeadingLine(text: string, section: string | undefined): string {
  if (!section) return text;
  let rest = text;
  for (let match = /^([^\n]*)(?:\n+|$)/.exec(rest); match && match[0] && plainTitle(withoutMarkup(match[1]!)) === section; match = /^([^\n]*)(?:\n+|$)/.exec(rest)) {
    rest = rest.slice(match[0].length);
  }
  return rest;
}

/** Markdown's marks as a reader should not see them: emphasis ("**STAD**makerij") and a heading's hashes ("# Titel"). */
function withoutMarkup(text: string): string {
  return text.replace(/\*\*|__/g, "").replace(/^#{1,6}[ \t]+/gm, "");
}

/** Passages overlap by up to a few hundred characters: the repeated start is left out. */
function withoutOverlap(previous: string, text: string): string {
  for (let length = Math.min(400, previous.length, text.length); length >= 20; length--) {
    if (previous.endsWith(text.slice(0, length))) return text.slice(length).replace(/^\s+/, "");
  }
  return text;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
