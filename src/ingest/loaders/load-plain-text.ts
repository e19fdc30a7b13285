import type { LoadedDocument } from "../loaded-document.js";
import { splitAtHeadings } from "./split-headed-text.js";

const NUMBERED = /^\s*\d{1,2}[.)]\s+\p{Lu}/u;

/**
 * Plain text (often OCR output) has no markup, so a heading is guessed conservatively: a short line of
 * a few words, starting with a capital or a number, not ending like a sentence, standing alone after a
 * blank line.
 */
export function loadPlainText(text: string): LoadedDocument {
  return splitAtHeadings(text, (line, previous, next) => {
    const trimmed = line.trim();
    if (trimmed.length < 8 || trimmed.length > 70) return undefined;
    if (previous !== undefined && previous.trim() !== "") return undefined;
    if (/[.,;:!?"”’)]$/.test(trimmed) || !/^[\p{Lu}\d]/u.test(trimmed)) return undefined;
    const words = trimmed.split(/\s+/);
    if (words.length < 2 || words.length > 9) return undefined;
    if (/^\p{Lu}\s/u.test(trimmed)) return undefined; // OCR bullet such as "O item"
    if (/[^\p{L}\p{N}\s'’:,&()\/-]/u.test(trimmed)) return undefined; // OCR debris such as "¢" or "@"
    if (trimmed === trimmed.toUpperCase()) return undefined; // shouting OCR of a picture, not a heading
    const standsAlone = next === undefined || next.trim() === "" || NUMBERED.test(trimmed);
    return standsAlone ? trimmed : undefined;
  });
}
