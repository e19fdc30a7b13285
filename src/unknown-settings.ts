import fs from "node:fs";
import path from "node:path";
import { parse } from "dotenv";
import { SETTING_NAMES } from "./config.js";

/** The families of Vliegwiel's settings: a name in .env that starts like one of them is meant for us. */
const FAMILIES = [...new Set(SETTING_NAMES.map((name) => name.split("_")[0]!))];

/**
 * Names in the .env file that Vliegwiel does not know but that look meant for it (a typo: "WEB_PROT",
 * or a setting of its families that does not exist), each with the known name it most likely meant.
 * Other tools' variables in the same file ("NODE_OPTIONS", "TZ") are left alone. Without a .env, none.
 */
export function unknownSettingsInEnvFile(file = path.resolve(".env")): Array<{ name: string; meant?: string }> {
  let names: string[];
  try {
    names = Object.keys(parse(fs.readFileSync(file)));
  } catch {
    return []; // no .env (the settings then come from the environment itself)
  }
  const known = new Set(SETTING_NAMES);
  return names.filter((name) => !known.has(name)).flatMap((name) => {
    const meant = closest(name);
    return meant || FAMILIES.includes(name.split("_")[0]!) ? [{ name, ...(meant ? { meant } : {}) }] : [];
  });
}

/** One Dutch line per unknown setting, for the log or the terminal. */
export function describeUnknownSettings(unknown: ReadonlyArray<{ name: string; meant?: string }>): string[] {
  return unknown.map(({ name, meant }) => `.env noemt ${name}, maar die instelling ken ik niet${meant ? ` (bedoel je ${meant}?)` : ""}; ze wordt niet gebruikt.`);
}

function closest(name: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of SETTING_NAMES) {
    const distance = editDistance(name, candidate);
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: candidate, distance };
  }
  return best?.name;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
