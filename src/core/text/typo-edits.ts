const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/**
 * Every word one edit away from a folded word (Norvig's edits1: a letter deleted, two neighbours
 * swapped, a letter replaced, a letter inserted); "vrijwillegers" → …, vrijwilligers, ….
 */
export function editsOne(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const left = word.slice(0, i);
    const right = word.slice(i);
    if (right) out.add(left + right.slice(1));
    if (right.length > 1) out.add(left + right[1] + right[0] + right.slice(2));
    for (const c of LETTERS) {
      if (right) out.add(left + c + right.slice(1));
      out.add(left + c + right);
    }
  }
  out.delete(word);
  return [...out];
}

/**
 * The optimal-string-alignment distance between two words (a deletion, insertion, replacement or swap
 * of neighbours each count one), or `limit + 1` as soon as it must exceed `limit`: cheap for the
 * small limits of typo correction.
 */
export function editDistanceWithin(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      rowBest = Math.min(rowBest, d);
    }
    if (rowBest > limit) return limit + 1;
    [before, previous] = [previous, current];
  }
  return previous[b.length]!;
}

/**
 * Whether a word is one edit from a word `known` accepts, of at least `min` letters. A word more than one
 * letter longer than the longest such word (`max`) is no edit from any and is not tried: its edits (some
 * 54 per letter, each as long as the word) would cost a long hostile "word" its length squared.
 */
export function isOneEditFrom(word: string, known: (candidate: string) => boolean, lengths: { min: number; max: number }): boolean {
  if (word.length < lengths.min - 1 || word.length > lengths.max + 1) return false;
  return editsOne(word).some((e) => e.length >= lengths.min && known(e));
}
