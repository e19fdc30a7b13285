import type { InitiativeMatch, InitiativeProfile } from "./initiative.js";

/**
 * An initiative as a reply carries it to a channel: what the asker may see (never the contacts), and
 * the id that "Breng me in contact" asks about.
 */
export type SuggestedInitiative = Pick<InitiativeProfile, "id" | "name" | "place" | "municipality" | "province" | "themes"> & {
  /** The matching words of its experience, e.g. "buurtbus sinds 2019". */
  because: string;
};

export function suggestionOf(match: InitiativeMatch): SuggestedInitiative {
  const { id, name, place, municipality, province, themes } = match.initiative;
  return { id, name, place, municipality, province, themes, because: match.because };
}

/** "Dorpshuis De Schakel in Lopik — buurtbus sinds 2019": one line per suggestion, the same in every channel. */
export function suggestionLine(s: SuggestedInitiative): string {
  const where = s.place ?? s.municipality ?? s.province;
  // "in" reads the same in Dutch and English.
  const at = where && !s.name.toLowerCase().includes(where.toLowerCase()) ? ` in ${where}` : "";
  return `${s.name}${at}${s.because ? ` — ${s.because}` : ""}`;
}

/** "Lopik, gemeente Lopik, Utrecht" for a listing: place, gemeente and provincie without repeats. */
export function whereOf(s: Pick<SuggestedInitiative, "place" | "municipality" | "province">): string {
  const parts = [s.place, s.municipality && s.municipality !== s.place ? `gemeente ${s.municipality}` : undefined, s.province];
  return parts.filter(Boolean).join(", ");
}

export const SUGGESTION_TEXTS = {
  nl: { heading: "Dit hebben anderen al gedaan:", listing: (n: number) => (n === 1 ? "In de initiatievengids past dit initiatief bij je vraag:" : `In de initiatievengids passen deze ${n} initiatieven bij je vraag:`), none: "In de initiatievengids staat nog geen initiatief dat hierbij past." },
  en: { heading: "Others have done this:", listing: (n: number) => (n === 1 ? "This initiative in the directory fits your question:" : `These ${n} initiatives in the directory fit your question:`), none: "The directory of initiatives has none that fits this yet." },
} as const;
