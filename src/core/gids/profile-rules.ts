import { UserError } from "../errors.js";
import { foldDiacritics } from "../text/fold.js";
import type { ContactPerson, ProfileDraft } from "./initiative.js";

/** Limits of a profile's fields, in characters: short enough to read in a chat, long enough to say something. */
export const PROFILE_LIMITS = {
  name: 120,
  place: 80,
  description: 1_000,
  experience: 1_000,
  seeking: 600,
  website: 300,
  theme: 40,
  themes: 8,
  contacts: 5,
  contactName: 100,
} as const;

/** A field's problem, in Dutch, for the person who filled it in. */
export type ProfileProblem = { field: string; message: string };

/** A profile draft that is not valid: every problem at once, so the form can be fixed in one go. */
export class InvalidProfile extends UserError {
  constructor(readonly problems: ProfileProblem[]) {
    // Numbered when there are more, so "de naam ontbreekt; schrijf een omschrijving" does not read as one instruction.
    const list = problems.length > 1 ? problems.map((p, i) => `${i + 1}) ${p.message}`) : problems.map((p) => p.message);
    super("profile_invalid", `Het profiel is nog niet goed: ${list.join("; ")}.`);
    this.name = "InvalidProfile";
  }
}

/** A save based on an older version than the stored one: someone else changed it in between. */
export class ProfileConflict extends UserError {
  constructor(name: string) {
    super("profile_conflict", `Iemand anders heeft "${name}" intussen ook aangepast. Open het profiel opnieuw en pas het daarna aan.`);
    this.name = "ProfileConflict";
  }
}

/** Trims every text, drops empty optional fields and contacts without a name, de-duplicates themes (lower case). */
export function normaliseDraft(draft: ProfileDraft): ProfileDraft {
  const text = (value: unknown) => (typeof value === "string" ? value.replace(/\s+/g, " ").trim() : "");
  const optional = (value: unknown) => text(value) || undefined;
  const themes = [...new Set((draft.themes ?? []).map((t) => text(t).toLowerCase()).filter(Boolean))];
  const contacts: ContactPerson[] = (draft.contacts ?? [])
    .map((c) => ({
      name: text(c.name),
      handles: Object.fromEntries(Object.entries(c.handles ?? {}).map(([k, v]) => [text(k).toLowerCase(), text(v)]).filter(([k, v]) => k && v)),
      contactable: c.contactable === true,
    }))
    .filter((c) => c.name || Object.keys(c.handles).length);
  return {
    ...draft,
    id: optional(draft.id),
    name: text(draft.name),
    place: optional(draft.place),
    municipality: optional(draft.municipality),
    province: optional(draft.province),
    themes,
    description: text(draft.description),
    experience: text(draft.experience),
    seeking: text(draft.seeking),
    website: withScheme(optional(draft.website)),
    contacts,
    suggestedFrom: optional(draft.suggestedFrom),
  };
}

/** The problems of a (normalised) draft; empty when it may be saved. */
export function profileProblems(draft: ProfileDraft): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const add = (field: string, message: string) => problems.push({ field, message });
  const tooLong = (field: keyof typeof PROFILE_LIMITS, label: string, value: string | undefined) => {
    const limit = PROFILE_LIMITS[field];
    if (value && value.length > limit) add(field, `${label} is te lang (${value.length} tekens, hooguit ${limit})`);
  };
  if (!draft.name) add("name", "de naam van het initiatief ontbreekt");
  tooLong("name", "de naam", draft.name);
  tooLong("place", "de kern of het dorp", draft.place);
  tooLong("place", "de gemeente", draft.municipality);
  tooLong("place", "de provincie", draft.province);
  tooLong("description", "de omschrijving", draft.description);
  tooLong("experience", "\"waar we ervaring mee hebben\"", draft.experience);
  tooLong("seeking", "\"waar we hulp bij zoeken\"", draft.seeking);
  tooLong("website", "de website", draft.website);
  if (draft.status !== "suggested" && !draft.description && !draft.experience) {
    add("description", "schrijf een korte omschrijving of waar jullie ervaring mee hebben, zodat anderen jullie kunnen vinden");
  }
  if (draft.website && !isHttpUrl(draft.website)) add("website", "de website moet beginnen met http:// of https:// (bijvoorbeeld https://dorpshuis.nl)");
  if (draft.themes.length > PROFILE_LIMITS.themes) add("themes", `kies hooguit ${PROFILE_LIMITS.themes} thema's`);
  for (const theme of draft.themes) if (theme.length > PROFILE_LIMITS.theme) add("themes", `het thema "${theme.slice(0, 20)}…" is te lang`);
  if (draft.contacts.length > PROFILE_LIMITS.contacts) add("contacts", `geef hooguit ${PROFILE_LIMITS.contacts} contactpersonen`);
  for (const contact of draft.contacts) {
    if (!contact.name) add("contacts", "een contactpersoon zonder naam; vul de naam in");
    if (contact.name.length > PROFILE_LIMITS.contactName) add("contacts", `de naam van contactpersoon "${contact.name.slice(0, 20)}…" is te lang`);
    if (contact.contactable && Object.keys(contact.handles).length === 0) {
      add("contacts", `${contact.name || "een contactpersoon"} mag benaderd worden, maar heeft geen Slack- of Discord-id`);
    }
  }
  return problems;
}

/** Normalises and checks a draft; throws InvalidProfile with every problem in Dutch. */
export function validDraft(draft: ProfileDraft): ProfileDraft {
  const normal = normaliseDraft(draft);
  const problems = profileProblems(normal);
  if (problems.length) throw new InvalidProfile(problems);
  return normal;
}

/** "www.dorpshuis.nl" as people write it → https://www.dorpshuis.nl; anything with a scheme stays as it is. */
function withScheme(website: string | undefined): string | undefined {
  if (!website || /^[a-z][a-z0-9+.-]*:/i.test(website)) return website;
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(\/\S*)?$/u.test(website) ? `https://${website}` : website;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** A stable id from the name and place: "Dorpshuis De Schakel", "Lopik" → dorpshuis-de-schakel-lopik. */
export function profileSlug(name: string, place?: string): string {
  const slug = foldDiacritics([name, place && !foldDiacritics(name).includes(foldDiacritics(place)) ? place : ""].join(" "))
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return slug || "initiatief";
}

/** Whether a contact may be approached: agreed to it, and reachable on some platform. */
export function isContactable(contact: ContactPerson): boolean {
  return contact.contactable && Object.keys(contact.handles).length > 0;
}
