import type { LoadedDocument } from "../loaded-document.js";
import { introducesList, isShortItem } from "../../core/text/list-lines.js";
import { splitAtHeadings } from "./split-headed-text.js";

const NUMBER_PREFIX = /^\d{1,2}[.)]\s+(?=\p{Lu})/u;

/**
 * Plain text (often OCR output) has no markup, so a heading is guessed conservatively: a short line of
 * a few words, starting with a capital or a number ("5. Synthese"), not ending like a sentence,
 * standing alone after a blank line, and not one more item of a list of such lines.
 */
export function loadPlainText(text: string): LoadedDocument {
  return splitAtHeadings(text, (lines, index) => {
    const trimmed = lines[index]!.trim();
    const numbered = NUMBER_PREFIX.test(trimmed);
    const unnumbered = trimmed.replace(NUMBER_PREFIX, "");
    if (trimmed.length < 8 || trimmed.length > 70) return undefined;
    if (!isBlank(lines[index - 1])) return undefined;
    if (/[.,;:!?"”’)]$/.test(trimmed) || !/^[\p{Lu}\d]/u.test(trimmed)) return undefined;
    const wordCount = trimmed.split(/\s+/).length;
    if (wordCount < 2 || wordCount > 9) return undefined;
    if (/^\p{Lu}\s/u.test(unnumbered)) return undefined; // OCR bullet such as "O item"
    if (/[^\p{L}\p{N}\s'’:,&()\/-]/u.test(unnumbered)) return undefined; // OCR debris such as "¢" or "@"
    if (trimmed === trimmed.toUpperCase()) return undefined; // shouting OCR of a picture, not a heading
    if (numbered && !isBlank(lines[index + 1])) return trimmed; // "5. Synthese" with its text right below
    if (!isBlank(lines[index + 1]) || followsListItem(lines, index)) return undefined;
    return trimmed;
  });
}

function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === "";
}

/**
 * Whether the nearest text above is a list's introduction ("Functies:") or a list item: a short line,
 * standing alone, that does not end a sentence ("Nieuwsbrief", "Meetings"). A line below it that looks
 * like a heading is then one more item of the same list ("Thema's en themabijeenkomsten").
 */
function followsListItem(lines: readonly string[], index: number): boolean {
  let above = index - 1;
  while (above >= 0 && isBlank(lines[above])) above--;
  if (above < 0) return false;
  const text = lines[above]!;
  if (introducesList(text)) return true;
  return isShortItem(text) && isBlank(lines[above - 1]) && isBlank(lines[above + 1]);
}
