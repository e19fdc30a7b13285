/** Longest line still read as a list item when it has no bullet. */
const SHORT_ITEM_MAX_CHARS = 60;
/** A bullet as typed or as OCR reads it ("•" often comes out as "e", "o", "O", "¢" or "="), with its space. */
export const BULLET_PREFIX = /^(?:[-*•·◦▪■»=–—¢oeO]|\d{1,2}[.)])\s+/u;
const ENDS_SENTENCE = /[.!?]["”’)]?$/;

/** A short line that does not end a sentence: "Nieuwsbrief", "Thema's en themabijeenkomsten". */
export function isShortItem(line: string): boolean {
  const text = line.trim();
  return text.length > 0 && text.length <= SHORT_ITEM_MAX_CHARS && !ENDS_SENTENCE.test(text);
}

/** A line of a list: bulleted, or a short item. */
export function isListLine(line: string): boolean {
  const text = line.trim();
  return (BULLET_PREFIX.test(text) && text.replace(BULLET_PREFIX, "") !== "") || isShortItem(text);
}

/** A line that announces a list: "Functies voor het samenwerkingsverband:". */
export function introducesList(line: string): boolean {
  const text = line.trim();
  return text.endsWith(":") && text.length <= 2 * SHORT_ITEM_MAX_CHARS;
}

/**
 * The line that announces the list which `offset` falls in, when only list lines stand between the
 * two; undefined when `offset` is not inside a list.
 */
export function listIntroBefore(text: string, offset: number): string | undefined {
  const nonSpace = /\S/g;
  nonSpace.lastIndex = offset;
  const first = nonSpace.exec(text)?.index;
  if (first === undefined) return undefined;
  const firstLineEnd = text.indexOf("\n", first);
  if (!isListLine(text.slice(first, firstLineEnd < 0 ? undefined : firstLineEnd))) return undefined;
  // Line by line upwards from offset, reading only as far back as the list goes.
  let end = offset;
  while (end > 0) {
    const lineStart = text.lastIndexOf("\n", end - 1) + 1;
    const line = text.slice(lineStart, end);
    end = lineStart - 1;
    if (line.trim() === "") continue;
    if (introducesList(line)) return line.trim();
    if (!isListLine(line)) return undefined;
  }
  return undefined;
}
