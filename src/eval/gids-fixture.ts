import fs from "node:fs";
import { importProfiles } from "../core/gids/import-profiles.js";
import { GidsMatcher, type FieldFrequencies } from "../core/gids/initiative-matcher.js";
import type { Vocabulary } from "../core/text/vocabulary.js";
import { openDatabase } from "../store/open-database.js";
import { SqliteInitiativeDirectory } from "../store/sqlite-initiative-directory.js";
import { readJsonl } from "./read-jsonl.js";
import { formatGidsFigures, gidsFigures, runGidsCheck, type GidsQuestion } from "./gids-check.js";
import { fitSuggestModel } from "./gids-fit.js";
import { formatGidsFailures } from "./gids-failures.js";

/** A set of the matching check on disk: a gids in a spreadsheet and questions in JSON lines. */
export type GidsFiles = { profiles: string; questions: string };

/**
 * The profiles imported into a fresh embedded database (as `kennis -- initiatieven import` does) and the
 * questions read; `close` when done.
 */
export function openGidsSet(files: GidsFiles) {
  const db = openDatabase(":memory:");
  try {
    const directory = new SqliteInitiativeDirectory(db);
    const imported = importProfiles(directory, fs.readFileSync(files.profiles, "utf8"), { platform: "beheer", userId: "eval" });
    if (imported.problems.length) throw new Error(`${files.profiles}: ${imported.problems.map((p) => `regel ${p.line}: ${p.message}`).join("; ")}`);
    const profiles = directory.list({ includeSuggested: true });
    return { source: directory, profiles, questions: readJsonl<GidsQuestion>(files.questions), close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The matching check on one set: every question matched as its asker would ask it. */
export function checkGidsFiles(profilesCsv: string, questionsJsonl: string, vocabulary: Vocabulary, field?: FieldFrequencies) {
  const set = openGidsSet({ profiles: profilesCsv, questions: questionsJsonl });
  try {
    const matcher = new GidsMatcher(set.source, vocabulary, field);
    const check = runGidsCheck({ matcher, ownOf: () => [] }, set.profiles, set.questions);
    const failures = formatGidsFailures(matcher, check.results);
    return { ...check, profiles: set.profiles.length, failures, text: (verbose = false) => formatGidsFigures(check.figures, check.results, verbose) };
  } finally {
    set.close();
  }
}

/**
 * The suggest model fitted on several sets together (gids-fit.ts), with each set's held-out figures:
 * every question judged by a model fitted without it (k-fold by question), and with several sets each
 * set judged by a model fitted on the others only (`bySet`).
 */
export function fitGidsFiles(sets: readonly GidsFiles[], vocabulary: Vocabulary, field?: FieldFrequencies) {
  const opened = [];
  try {
    for (const files of sets) opened.push(openGidsSet(files));
    const fit = fitSuggestModel(opened, vocabulary, field);
    const heldOut = opened.map((set, i) => ({ results: fit.heldOut[i]!, figures: gidsFigures(set.profiles, fit.heldOut[i]!), ranked: fit.ranked[i]! }));
    const bySet = fit.bySet && opened.map((set, i) => ({ results: fit.bySet![i]!, figures: gidsFigures(set.profiles, fit.bySet![i]!) }));
    return { model: fit.model, foldModels: fit.foldModels, examples: fit.examples, heldOut, bySet };
  } finally {
    for (const set of opened) set.close();
  }
}
