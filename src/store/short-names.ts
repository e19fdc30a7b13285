/**
 * Names of two letters ("Bo", "Al") may be ordinary words too ("al", "Al met al"), so they are forgotten
 * by a narrower rule than longer names:
 * only where written with a capital, as a whole word, and only in texts that belong to the person (their
 * own handoffs and chats); in a document (an approved answer of their own handoff) only in the middle of a
 * sentence, where a capital marks a name. A name of one letter is not searched for in texts at all
 * (plan B, vitamine C).
 */

/** How many letters a short name has: shorter is a letter, longer is searched as any name. */
const SHORT_NAME_LETTERS = 2;

/** The names among `names` that are short (two letters, nothing but letters), in the form searched for: with a capital. */
export function shortNames(names: readonly string[]): string[] {
  const short = names.map((n) => n.trim()).filter((n) => n.length === SHORT_NAME_LETTERS && /^\p{L}+$/u.test(n));
  return [...new Set(short.map((n) => n[0]!.toUpperCase() + n.slice(1)))];
}

/**
 * Replaces each short name where it stands as a whole word with its capital (Bo, not bo or Bom); a text
 * that is the name alone (a field holding who wrote) in any case. `midSentence`: only where a word
 * comes before it in the same sentence, never as a sentence's first word (for documents).
 */
export function shortNameReplacer(names: readonly string[], by: string, options: { midSentence: boolean }): (text: string) => string {
  const short = shortNames(names);
  if (short.length === 0) return (text) => text;
  const alone = new Set(short.map((n) => n.toLowerCase()));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${short.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  const replace = options.midSentence
    ? (text: string) => text.replace(pattern, (name: string, at: number) => (isMidSentence(text, at) ? by : name))
    : (text: string) => text.replace(pattern, by);
  return (text) => (alone.has(text.trim().toLowerCase()) ? by : replace(text));
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const PAUSE_MARK = /^[,;:]$/;

/**
 * Whether the word at `at` stands in the middle of a sentence: after white space that follows a word (with at
 * most one line break: "Met vriendelijke groet\nBo") or a comma, semicolon or colon ("Groet,\n\nBo"); not after
 * a full stop, at a paragraph's start or after a list's dash. Looks back only through the white space just
 * before the word, so a text's long runs of blanks cost their length once, not once per place.
 */
function isMidSentence(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && /\s/.test(text[i - 1]!)) i--;
  if (i === at) return false;
  if (PAUSE_MARK.test(text[i - 1] ?? "")) return true;
  // After a word: blanks and tabs with at most one line break between it and the name.
  let j = at;
  while (j > 0 && (text[j - 1] === " " || text[j - 1] === "\t")) j--;
  if (text[j - 1] === "\n") j--;
  while (j > 0 && (text[j - 1] === " " || text[j - 1] === "\t")) j--;
  return j > 0 && LETTER_OR_DIGIT.test(charBefore(text, j));
}

/** The character (a whole code point) that ends just before `at`. */
function charBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1]!;
}
