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
