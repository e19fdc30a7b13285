import { foldDiacritics } from "../text/fold.js";
import { csvLine, parseCsv, type CsvRecord } from "./csv.js";
import type { ContactPerson, InitiativeProfile, ProfileDraft } from "./initiative.js";
import { profileSlug } from "./profile-rules.js";

/**
 * The gids as a spreadsheet: Dutch column names, one contact per line. A profile with several contacts
 * has several lines with the same `id` (or, without id, the same naam and kern); its own fields are
 * read from its first line. Every `contact_<platform>` column is a user id on that platform.
 */
export const PROFILE_COLUMNS = [
  "id", "naam", "kern", "gemeente", "provincie", "themas", "omschrijving", "ervaring", "hulp_gezocht", "website", "status", "bron",
  "contact_naam", "contact_slack", "contact_discord", "contact_mag_benaderd",
] as const;

const STATUS_NL = { published: "gepubliceerd", suggested: "voorgesteld" } as const;
const YES = new Set(["ja", "j", "yes", "y", "true", "waar", "1", "x"]);
const NO = new Set(["nee", "n", "no", "false", "onwaar", "0", ""]);

/** A profile read from the file, with the lines it came from. */
export type ParsedProfile = { line: number; lines: number[]; draft: ProfileDraft };
export type CsvProblem = { line: number; message: string };

/** Profiles in a CSV file, and what is wrong with the lines that could not be read (in Dutch). */
export function profilesFromCsv(text: string): { profiles: ParsedProfile[]; problems: CsvProblem[] } {
  const { records } = parseCsv(text);
  const header = records.shift();
  if (!header) return { profiles: [], problems: [{ line: 1, message: "het bestand is leeg" }] };
  const columns = header.cells.map((c) => foldDiacritics(c.trim()).replace(/[\s-]+/g, "_").replace(/'/g, ""));
  const missing = ["naam"].filter((c) => !columns.includes(c));
  if (missing.length) {
    return { profiles: [], problems: [{ line: 1, message: `de kopregel mist de kolom "naam" (verwacht: ${PROFILE_COLUMNS.join(";")})` }] };
  }
  const problems: CsvProblem[] = [];
  const byKey = new Map<string, ParsedProfile>();
  for (const record of records) {
    const problem = recordProblem(record, columns.length);
    if (problem) { problems.push({ line: record.line, message: problem }); continue; }
    const get = (name: string) => (record.cells[columns.indexOf(name)] ?? "").trim();
    const id = get("id");
    const name = get("naam");
    if (!id && !name) { problems.push({ line: record.line, message: "geen id en geen naam: bij welk initiatief hoort deze regel?" }); continue; }
    const key = id || profileSlug(name, get("kern") || get("gemeente"));
    const contact = contactOf(columns, record.cells);
    if (typeof contact === "string") { problems.push({ line: record.line, message: contact }); continue; }
    const known = byKey.get(key);
    if (known) {
      known.lines.push(record.line);
      if (contact) known.draft.contacts.push(contact);
      continue;
    }
    const status = statusOf(get("status"));
    if (!status) { problems.push({ line: record.line, message: `onbekende status "${get("status")}" (gebruik gepubliceerd of voorgesteld)` }); continue; }
    byKey.set(key, {
      line: record.line,
      lines: [record.line],
      draft: {
        id: key, name, place: get("kern") || undefined, municipality: get("gemeente") || undefined, province: get("provincie") || undefined,
        themes: get("themas").split(/[,;|]/).map((t) => t.trim()).filter(Boolean),
        description: get("omschrijving"), experience: get("ervaring"), seeking: get("hulp_gezocht"), website: get("website") || undefined,
        status, suggestedFrom: get("bron") || undefined, contacts: contact ? [contact] : [],
      },
    });
  }
  return { profiles: [...byKey.values()], problems };
}

/** The gids as CSV (semicolons, for Dutch spreadsheets): one line per contact, the profile's fields on each. */
export function profilesToCsv(profiles: readonly InitiativeProfile[]): string {
  const platforms = [...new Set(["slack", "discord", ...profiles.flatMap((p) => p.contacts.flatMap((c) => Object.keys(c.handles)))])];
  const header = [...PROFILE_COLUMNS.filter((c) => c !== "contact_mag_benaderd"), ...platforms.filter((p) => p !== "slack" && p !== "discord").map((p) => `contact_${p}`), "contact_mag_benaderd"];
  const lines = [csvLine(header)];
  for (const p of profiles) {
    const own = [p.id, p.name, p.place ?? "", p.municipality ?? "", p.province ?? "", p.themes.join(", "), p.description, p.experience, p.seeking, p.website ?? "", STATUS_NL[p.status], p.suggestedFrom ?? ""];
    const contacts: Array<ContactPerson | undefined> = p.contacts.length ? p.contacts : [undefined];
    for (const c of contacts) {
      const handles = platforms.map((platform) => c?.handles[platform] ?? "");
      const [slack, discord, ...others] = handles;
      lines.push(csvLine([...own, c?.name ?? "", slack ?? "", discord ?? "", ...others, c ? (c.contactable ? "ja" : "nee") : ""]));
    }
  }
  return `${lines.join("\n")}\n`;
}

function recordProblem(record: CsvRecord, columns: number): string | undefined {
  if (record.unclosed) return "een aanhalingsteken wordt niet gesloten (de rest van het bestand is daardoor niet gelezen)";
  if (record.cells.length > columns) return `${record.cells.length} kolommen, de kopregel heeft er ${columns} (staat er een puntkomma of komma zonder aanhalingstekens in een cel?)`;
  return undefined;
}

/** The contact on a line, none when its columns are empty, or a Dutch problem. */
function contactOf(columns: readonly string[], cells: readonly string[]): ContactPerson | undefined | string {
  const get = (name: string) => (cells[columns.indexOf(name)] ?? "").trim();
  const handles: Record<string, string> = {};
  columns.forEach((c, i) => {
    const platform = /^contact_([a-z]+)$/.exec(c)?.[1];
    if (platform && !["naam", "mag_benaderd"].includes(platform) && cells[i]?.trim()) handles[platform] = cells[i]!.trim();
  });
  const name = get("contact_naam");
  const allowed = foldDiacritics(get("contact_mag_benaderd"));
  if (!name && !Object.keys(handles).length) return undefined;
  if (!YES.has(allowed) && !NO.has(allowed)) return `contact_mag_benaderd is "${get("contact_mag_benaderd")}"; schrijf ja of nee`;
  return { name, handles, contactable: YES.has(allowed) };
}

function statusOf(value: string): InitiativeProfile["status"] | undefined {
  const v = foldDiacritics(value);
  if (v === "" || v === "gepubliceerd" || v === "published") return "published";
  if (v === "voorgesteld" || v === "suggested" || v === "voorstel") return "suggested";
  return undefined;
}
