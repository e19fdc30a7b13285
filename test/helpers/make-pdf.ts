/** Builds a small, valid one-page-per-entry PDF with the given lines of text (Helvetica, WinAnsi). */
export function makePdf(pages: string[][], title?: string, placed = false): Buffer {
  const objects: string[] = [];
  const add = (body: string) => objects.push(body) ;
  add("<< /Type /Catalog /Pages 2 0 R >>");
  const pageIds = pages.map((_, i) => 4 + i * 2);
  add(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`);
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (const [i, lines] of pages.entries()) {
    // `placed`: each line already says its font, size and position (makeLayoutPdf), text escaped there.
    const content = placed ? ["BT", ...lines, "ET"].join("\n") : ["BT", "/F1 12 Tf", "14 TL", "72 720 Td", ...lines.map((l) => `(${escape(l)}) Tj T*`), "ET"].join("\n");
    add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`);
    add(`<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`);
  }
  if (title) add(`<< /Title (${escape(title)}) >>`);
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  out += offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${title ? ` /Info ${objects.length} 0 R` : ""} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

function escape(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`);
}

/**
 * A line of a laid-out page: its text, font size (default 10) and the distance from the line above, or
 * `y` for where its baseline sits (a second column starts at the top again).
 */
export type PdfLine = { text: string; size?: number; gap?: number; x?: number; y?: number };

/** A PDF whose lines sit where a typesetter would put them: sizes, gaps and indents as given. */
export function makeLayoutPdf(pages: PdfLine[][], title?: string): Buffer {
  const placed = pages.map((lines) => {
    let y = 760;
    return lines.map(({ text, size = 10, gap, x = 72, y: at }) => {
      y = at ?? y - (gap ?? size * 1.25);
      return `/F1 ${size} Tf 1 0 0 1 ${x} ${y.toFixed(1)} Tm (${escape(text)}) Tj`;
    });
  });
  return makePdf(placed.map((lines) => lines), title, true);
}
