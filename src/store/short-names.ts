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
  // Mid-sentence: after a word and a space (or one line break: "Met vriendelijke groet\nBo"), or after a comma,
  // semicolon or colon ("Groet,\n\nBo"); not after a full stop, at a paragraph's start or after a list's dash.
  const before = options.midSentence ? "(?<=(?:[\\p{L}\\p{N}][ \\t]*\\n?[ \\t]*|[,;:]\\s*)(?<=\\s))" : "(?<![\\p{L}\\p{N}])";
  const pattern = new RegExp(`${before}(?:${short.join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return (text) => (alone.has(text.trim().toLowerCase()) ? by : text.replace(pattern, by));
}
