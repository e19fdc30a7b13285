/**
 * Typical OCR misreadings, as "what was read" → "what may have been printed". Applied to lower-case
 * words; the outcomes are only candidates, a dictionary decides (see ocr-repair.ts).
 */
const CONFUSIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["l", ["i"]],
  ["i", ["l", "ï"]],
  ["1", ["l", "i"]],
  ["d", ["ö", "cl"]],
  ["cl", ["d"]],
  ["0", ["o"]],
  ["o", ["ö", "c"]],
  ["c", ["e", "o"]],
  ["e", ["ë", "é", "c"]],
  ["é", ["ë", "e"]],
  ["è", ["ë", "e"]],
  ["rn", ["m"]],
  ["m", ["rn"]],
  ["ri", ["n"]],
  ["n", ["u", "h"]],
  ["u", ["n", "ü"]],
  ["ii", ["ü"]],
  ["h", ["b", "n"]],
  ["b", ["h"]],
  ["vv", ["w"]],
  ["y", ["ij"]],
  ["5", ["s"]],
];

/** Every word made by one OCR substitution at or after position `from`, with where it ended. */
function substitutions(word: string, from = 0): Array<{ word: string; end: number }> {
  const out: Array<{ word: string; end: number }> = [];
  for (let i = from; i < word.length; i++) {
    for (const [read, printed] of CONFUSIONS) {
      if (!word.startsWith(read, i)) continue;
      for (const p of printed) out.push({ word: word.slice(0, i) + p + word.slice(i + read.length), end: i + p.length });
    }
  }
  return out;
}

/** Candidates with exactly one OCR substitution ("elgenheid" → eigenheid, …). */
export function ocrCandidatesOne(word: string): string[] {
  return [...new Set(substitutions(word).map((s) => s.word))].filter((w) => w !== word);
}

/** Candidates with exactly two OCR substitutions at different places ("elgenheld" → eigenheid, …). */
export function ocrCandidatesTwo(word: string): string[] {
  const out = new Set<string>();
  for (const first of substitutions(word)) {
    for (const second of substitutions(first.word, first.end)) out.add(second.word);
  }
  out.delete(word);
  return [...out];
}

/** More l's than this are not tried (2^n candidates). */
const MAX_LS = 6;

/**
 * Candidates where three or more of the word's l's were i's: a sans-serif i read as l throughout a
 * word ("lnltlatleven" → initiatieven), past the two substitutions tried before. Only l → i, the
 * confusion that repeats within a word; at most 2^6 candidates.
 */
export function ocrCandidatesManyL(word: string): string[] {
  const at = [...word].flatMap((c, i) => (c === "l" ? [i] : []));
  if (at.length < 3 || at.length > MAX_LS) return [];
  const out: string[] = [];
  for (let mask = 0; mask < 1 << at.length; mask++) {
    if (bitCount(mask) < 3) continue;
    const chars = [...word];
    at.forEach((position, bit) => {
      if (mask & (1 << bit)) chars[position] = "i";
    });
    out.push(chars.join(""));
  }
  return out;
}

function bitCount(n: number): number {
  let count = 0;
  for (let m = n; m; m &= m - 1) count++;
  return count;
}
