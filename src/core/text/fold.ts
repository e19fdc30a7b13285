/**
 * Soft hyphens (&shy;, inside long compounds on web pages and in Word: "vrij&shy;willigers"), zero-width
 * spaces and joiners, byte-order marks, and direction marks, embeddings and isolates (U+200E, U+200F,
 * U+061C, U+202A–U+202E, U+2066–U+2069: a right-to-left keyboard or a paste puts them in unseen):
 * invisible, and each would cut a word in two.
 */
export function withoutInvisibleMarks(text: string): string {
  return text.replace(/[\u00AD\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g, "");
}

/**
 * Lower-cases and removes diacritics, so "coöperatie", "Cooperatie" and "coöpératie" compare equal; soft
 * hyphens and zero-width characters (pasted from a web page: "vrij\u00ADwilligers") do not cut a word.
 */
export function foldDiacritics(text: string): string {
  return withoutInvisibleMarks(text)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();
}

const WORD = /[\p{L}\p{N}]+(?:['\-+&][\p{L}\p{N}]+)*\+*/gu;

/**
 * Splits folded text into word tokens. A hyphenated word yields its parts and the joined form
 * ("crowd-funding" → crowd, funding, crowdfunding); a possessive or plural "'s" is dropped ("thema's" → thema).
 */
export function tokenize(text: string): string[] {
  return tokenizeMarked(text).map((t) => t.word);
}

const CONTRACTION = /^\p{L}{1,3}'[nt]$/u;

export type Token = { word: string; /** the joined form of a hyphenated word, beside its parts */ joined: boolean };

export function tokenizeMarked(text: string): Token[] {
  const out: Token[] = [];
  for (const match of foldDiacritics(text).matchAll(WORD)) {
    let word = match[0].replace(/\++$/, "").replace(/'s$/, "");
    if (!word) continue;
    // A contraction ("zo'n", "m'n", "z'n") is one word, not "zon" or "mn".
    if (CONTRACTION.test(word)) {
      out.push({ word, joined: false });
      continue;
    }
    const parts = word.split(/['\-+&]/).filter(Boolean);
    if (parts.length > 1) {
      out.push(...parts.map((part) => ({ word: part, joined: false })));
      word = parts.join("");
    }
    out.push({ word, joined: parts.length > 1 });
  }
  return out;
}
