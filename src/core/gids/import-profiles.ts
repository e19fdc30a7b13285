import { CodedError } from "../errors.js";
import type { InitiativeDirectory, PlatformUser } from "./initiative.js";
import { profilesFromCsv, type CsvProblem } from "./profile-csv.js";

export type ImportResult = { created: string[]; updated: string[]; unchanged: string[]; problems: CsvProblem[] };

/**
 * Reads a CSV file into the gids. Idempotent: a profile is found by its id (or its name and kern), so
 * the same file twice changes nothing the second time. A line that cannot be read or a profile that is
 * not valid is reported with its line number in Dutch; every other profile is still saved.
 */
export function importProfiles(directory: InitiativeDirectory, csv: string, by: PlatformUser): ImportResult {
  const { profiles, problems } = profilesFromCsv(csv);
  const result: ImportResult = { created: [], updated: [], unchanged: [], problems: [...problems] };
  for (const { line, lines, draft } of profiles) {
    const before = directory.get(draft.id!);
    try {
      const after = directory.save({ ...draft, status: draft.status ?? before?.status }, by);
      if (!before) result.created.push(after.id);
      else if (after.version === before.version) result.unchanged.push(after.id);
      else result.updated.push(after.id);
    } catch (error) {
      if (!(error instanceof CodedError) || error.kind !== "user") throw error;
      const also = lines.length > 1 ? ` (met regel ${lines.slice(1).join(", ")})` : "";
      result.problems.push({ line, message: `${draft.name || draft.id}${also}: ${error.message}` });
    }
  }
  result.problems.sort((a, b) => a.line - b.line);
  return result;
}
