import type { LoadedDocument, TextBlock } from "../loaded-document.js";

/** The heading that line `index` of `lines` is, if it is one (the lines around it give context). */
export type HeadingRule = (lines: readonly string[], index: number) => string | undefined;

/** Cuts text into blocks at the lines a rule recognises as headings; each block keeps its heading line. */
export function splitAtHeadings(text: string, headingOf: HeadingRule): LoadedDocument {
  const lines = text.split("\n");
  const blocks: TextBlock[] = [];
  let current: { heading?: string; lines: string[] } = { lines: [] };
  let title: string | undefined;
  const flush = () => {
    const body = current.lines.join("\n").trim();
    if (body) blocks.push({ heading: current.heading, text: body });
  };
  lines.forEach((line, i) => {
    const heading = headingOf(lines, i);
    if (heading) {
      flush();
      title ??= heading;
      current = { heading, lines: [] };
    }
    current.lines.push(line);
  });
  flush();
  return { title, blocks };
}
