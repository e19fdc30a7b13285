import fs from "node:fs";
import path from "node:path";
import { parse } from "dotenv";
import { SETTING_NAMES } from "./config.js";

/**
 * Families of settings no other tool uses: an unknown name that starts like one of them is meant for
 * Vliegwiel. (Not WEB_, SLACK_, OPENAI_, DATABASE_, LOG_ …: WEB_CONCURRENCY, SLACK_CLIENT_ID,
 * OPENAI_ORG_ID or DATABASE_URL in a shared .env belong to other tools.)
 */
const OWN_FAMILIES = new Set(["HANDOFF", "INTRODUCTION", "INGEST", "RETENTION", "ROSTER", "KNOWLEDGE", "ANSWER"]);
const familyOf = (name: string) => name.split("_")[0]!;

/**
 * Names in the .env file that Vliegwiel does not know but that look meant for it (a typo: "WEB_PROT",
 * "HANDOF_TICK_SECONDS", or a setting of its own families that does not exist), each with the known name
 * it most likely meant. Other tools' variables in the same file ("NODE_OPTIONS", "DATABASE_URL",
 * "SLACK_CLIENT_ID") are left alone. Without a .env, none.
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
    return meant || OWN_FAMILIES.has(familyOf(name)) ? [{ name, ...(meant ? { meant } : {}) }] : [];
  });
}

/** One Dutch line per unknown setting, for the log or the terminal. */
export function describeUnknownSettings(unknown: ReadonlyArray<{ name: string; meant?: string }>): string[] {
  return unknown.map(({ name, meant }) => `.env noemt ${name}, maar die instelling ken ik niet${meant ? ` (bedoel je ${meant}?)` : ""}; ze wordt niet gebruikt.`);
}

/** The setting of the same family a typo most likely meant: at most one edit per four letters, two at most. */
function closest(name: string): string | undefined {
  const allowed = Math.min(2, Math.floor(name.length / 4));
  let best: { name: string; distance: number } | undefined;
  for (const candidate of SETTING_NAMES) {
    if (familyOf(candidate) !== familyOf(name) && editDistance(familyOf(candidate), familyOf(name)) > 1) continue;
    const distance = editDistance(name, candidate);
    if (distance <= allowed && (!best || distance < best.distance)) best = { name: candidate, distance };
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
