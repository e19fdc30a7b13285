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

/**
 * The matching check on a gids in a spreadsheet and questions in JSON lines: the profiles are imported
 * into a fresh embedded database (as `kennis -- initiatieven import` does), then every question is matched.
 */
export function checkGidsFiles(profilesCsv: string, questionsJsonl: string, vocabulary: Vocabulary, field?: FieldFrequencies, options: { fit?: boolean } = {}) {
  const db = openDatabase(":memory:");
  try {
    const directory = new SqliteInitiativeDirectory(db);
    const imported = importProfiles(directory, fs.readFileSync(profilesCsv, "utf8"), { platform: "beheer", userId: "eval" });
    if (imported.problems.length) throw new Error(`${profilesCsv}: ${imported.problems.map((p) => `regel ${p.line}: ${p.message}`).join("; ")}`);
    const matcher = new GidsMatcher(directory, vocabulary, field);
    const profiles = directory.list({ includeSuggested: true });
    const questions = readJsonl<GidsQuestion>(questionsJsonl);
    const check = runGidsCheck({ matcher, ownOf: () => [] }, profiles, questions);
    const failures = formatGidsFailures(matcher, check.results);
    const fit = options.fit ? fitSuggestModel(directory, profiles, questions, vocabulary, field) : undefined;
    const heldOut = fit && { ...fit, figures: gidsFigures(profiles, fit.heldOut) };
    return { ...check, profiles: profiles.length, failures, fit: heldOut, text: (verbose = false) => formatGidsFigures(check.figures, check.results, verbose) };
  } finally {
    db.close();
  }
}
