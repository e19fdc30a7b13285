import { SUGGESTION_TEXTS, suggestionLine, whereOf } from "../core/gids/suggestion.js";
import type { Reply } from "../core/reply.js";

/** One initiative of a reply as a channel shows it: its id (for "Breng me in contact") and its line. */
export type InitiativeItem = { id: string; name: string; line: string };

/**
 * The initiatives a reply carries, as every channel shows them: under an answer, "Dit hebben anderen al
 * gedaan:" with "Naam in Plaats — ervaring"; for a direct question to the gids, the list itself (its
 * heading is the reply's first line) with place, gemeente and experience.
 */
export function initiativeItems(reply: Reply): { heading: string; items: InitiativeItem[]; listing: boolean } | undefined {
  if (!reply.initiatives?.length) return undefined;
  const language = reply.language ?? "nl";
  const listing = reply.reason === "gids";
  const heading = listing ? reply.text.split("\n")[0]! : SUGGESTION_TEXTS[language].heading;
  const items = reply.initiatives.map((s) => ({
    id: s.id,
    name: s.name,
    line: listing ? `${s.name}${whereOf(s) ? ` (${whereOf(s)})` : ""}${s.because ? ` — ${s.because}` : ""}` : suggestionLine(s),
  }));
  return { heading, items, listing };
}
