import type { LoadedDocument, TextBlock } from "../loaded-document.js";

export type HeadingRule = (line: string, previous: string | undefined, next: string | undefined) => string | undefined;

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
    const heading = headingOf(line, lines[i - 1], lines[i + 1]);
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
