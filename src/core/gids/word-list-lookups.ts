import { dutchDictionary } from "../text/dutch-dictionary.js";

type Lookup = (word: string, knows: (word: string) => boolean) => string[];

/** Whether the Dutch word list knows a word (false when the list is not there). */
export function knownWord(word: string): boolean {
  return dutchDictionary()?.knows(word) ?? false;
}

/** Words looked at per look-up (with the Dutch word list): the gids asks for the same ones on every question. */
const MEMO_LIMIT = 20_000;

/**
 * A look-up against the Dutch word list whose answers are remembered (up to 20 000 words), as the
 * gids asks for the same words on every question. With a `knows` of its own (a test's), it is not.
 */
export function rememberedLookup(lookup: Lookup): (word: string, knows?: (word: string) => boolean) => string[] {
  const memo = new Map<string, string[]>();
  return (word, knows) => {
    if (knows) return lookup(word, knows);
    const remembered = memo.get(word);
    if (remembered) return remembered;
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const found = lookup(word, knownWord);
    memo.set(word, found);
    return found;
  };
}
