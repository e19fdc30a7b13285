import type { LoadedDocument } from "../loaded-document.js";
import { splitAtHeadings } from "./split-headed-text.js";

const ATX_HEADING = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/;
const BOLD_LINE = /^\s*\*\*([^*].{2,80}?)\*\*\s*$/;

/** Markdown headings ("# …") and lines that are bold on their own mark blocks. */
export function loadMarkdown(text: string): LoadedDocument {
  return splitAtHeadings(text, (lines, index) => {
    const line = lines[index]!;
    const match = ATX_HEADING.exec(line) ?? BOLD_LINE.exec(line);
    return match ? plain(match[1]!) : undefined;
  });
}

function plain(heading: string): string | undefined {
  const text = heading.replace(/[*_`]/g, "").replace(/\s+/g, " ").trim();
  return text.length >= 2 ? text : undefined;
}
