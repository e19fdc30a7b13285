/**
 * Titles and headings as a reader should see them in every channel: markup someone typed into a
 * question ("<u>repareren</u>") is dropped, and a section that only repeats its title is not shown twice.
 */

/** HTML tags of text formatting, as people paste or type them; other text in angle brackets stays. */
const FORMATTING_TAG = /<\/?(?:a|b|br|code|del|div|em|font|i|ins|mark|p|s|small|span|strike|strong|sub|sup|u)(?:\s[^<>]*)?\/?>/gi;

/** "Hoe <u>repareren</u> we\n het?" → "Hoe repareren we het?" */
export function plainTitle(text: string): string {
  return text.replace(FORMATTING_TAG, "").replace(/\s+/g, " ").trim();
}

/** Letters and digits only, for comparing a heading with a title. */
function comparable(text: string): string {
  return plainTitle(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** Whether a section adds nothing to its document's title: it is the title, or the title's start. */
export function repeatsTitle(section: string, title: string): boolean {
  const s = comparable(section);
  const t = comparable(title);
  return s !== "" && (t === s || t.startsWith(`${s} `));
}
