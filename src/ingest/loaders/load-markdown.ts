import type { LoadedDocument } from "../loaded-document.js";
import { splitAtHeadings } from "./split-headed-text.js";

/** The opening of a heading line ("## "); its closing "#"s and spaces are taken off by headingText. */
const ATX_OPENING = /^\s{0,3}#{1,6}\s+/;
const BOLD_LINE = /^\s*\*\*([^*].{2,80}?)\*\*\s*$/;

/** Markdown headings ("# …") and lines that are bold on their own mark blocks. */
export function loadMarkdown(text: string): LoadedDocument {
  return splitAtHeadings(text, (lines, index) => {
    const line = lines[index]!;
    const opening = ATX_OPENING.exec(line);
    if (opening) return plain(headingText(line.slice(opening[0].length)));
    // A table's header row ("**Dag** | **Tijd**", as Word and <th> cells give it) is bold too, but no heading.
    const bold = line.includes(" | ") ? null : BOLD_LINE.exec(line);
    return bold ? plain(bold[1]!) : undefined;
  });
}

/**
 * A heading's text without its closing "#"s and the spaces around them ("Titel ##" → "Titel"), in one
 * pass. (The regular expression it replaces, /(.+?)\s*#*\s*$/, backtracked over a run of spaces in
 * cubic time: a line of "# a", 4 000 spaces and "x" took 9 s, and longer ones held the assistant.)
 */
function headingText(rest: string): string {
  let end = rest.trimEnd().length;
  while (end > 1 && rest[end - 1] === "#") end--;
  return rest.slice(0, end).trimEnd();
}

function plain(heading: string): string | undefined {
  const text = heading.replace(/[*_`]/g, "").replace(/\s+/g, " ").trim();
  return text.length >= 2 ? text : undefined;
}
