import { foldDiacritics } from "../text/fold.js";
import { asksTheGids } from "./asks-the-gids.js";
import type { InitiativeMatch, InitiativeProfile, PlatformUser } from "./initiative.js";
import type { MatchOptions } from "./initiative-matcher.js";
import { regionsIn } from "./question-frame.js";
import { suggestionOf, type SuggestedInitiative } from "./suggestion.js";

/** What the assistant needs of the gids: matching, the regions it knows, and the asker's own initiatives. */
export type GidsAccess = {
  matcher: {
    match(question: string, options?: MatchOptions): InitiativeMatch[];
    hasTopic(question: string): boolean;
    knownRegions(): string[];
    suggestable(): InitiativeProfile[];
  };
  /** The asker's own initiatives (where they are a contact): never suggested to them, and their region. */
  ownOf(user: PlatformUser): InitiativeProfile[];
  /** Records which initiatives were shown, for the signals (no question text, no asker). */
  shown?(entry: { channel: string; initiatives: readonly SuggestedInitiative[]; region?: string }): void;
};

/** Suggestions under an answer or a handoff. */
export const SUGGESTIONS_UNDER_ANSWER = 3;
/** Initiatives listed for a direct question to the gids. */
export const LISTED = 8;

type Asker = { user: PlatformUser; region?: string; own: string[] };

/** Who asks, for the gids: their own initiatives, and their region (from their profile, else a place in the question). */
export function askerOf(gids: GidsAccess, user: PlatformUser, question: string): Asker {
  const own = gids.ownOf(user);
  const ownRegion = own.map((p) => p.municipality ?? p.province ?? p.place).find(Boolean);
  return { user, own: own.map((p) => p.id), region: ownRegion ?? regionsIn(question, gids.matcher.knownRegions())[0] };
}

/**
 * At most three initiatives with experience in what the question is about (none of the asker's own).
 * When it asks the gids about a region ("welke initiatieven in Zeewolde …"), only initiatives there:
 * one elsewhere does not answer it (and the reply already says the gids has none there).
 */
export function suggestionsFor(gids: GidsAccess, question: string, asker: Asker): SuggestedInitiative[] {
  const asked = askedRegions(gids, question);
  const limit = asked.length ? undefined : SUGGESTIONS_UNDER_ANSWER;
  return gids.matcher.match(question, { region: asker.region, exclude: asker.own, limit }).filter((m) => inRegions(m.initiative, asked))
    .slice(0, SUGGESTIONS_UNDER_ANSWER).map(suggestionOf);
}

/**
 * The regions a question to the gids asks about: those named in a sentence that asks it ("welke
 * initiatieven in Zeewolde doen iets met energie?"). A place in the rest of the question is where the
 * asker is ("ons dorpshuis in Cothen … Wie heeft dat al gedaan?"), not a limit on the answer.
 */
export function askedRegions(gids: GidsAccess, question: string): string[] {
  const asking = question.split(/(?<=[.?!])\s+/).filter(asksTheGids);
  return asking.length ? regionsIn(asking.join(" "), gids.matcher.knownRegions()) : [];
}

function inRegions(p: InitiativeProfile, regions: readonly string[]): boolean {
  return regions.length === 0 || regions.some((r) => [p.place, p.municipality, p.province].some((x) => x && foldDiacritics(x) === foldDiacritics(r)));
}

/**
 * A direct question to the gids ("welke initiatieven in Zeewolde doen iets met energie?", "wie heeft
 * ervaring met een burgerbegroting?"): the fitting initiatives, only those in a region it asks about
 * (askedRegions); every initiative of that region when it names no topic. Undefined when it is no such question.
 */
export function listFromGids(gids: GidsAccess, question: string, asker: Asker): SuggestedInitiative[] | undefined {
  if (!asksTheGids(question)) return undefined;
  const named = askedRegions(gids, question);
  const inNamed = (p: InitiativeProfile) => inRegions(p, named);
  if (!gids.matcher.hasTopic(question)) {
    if (!named.length) return undefined;
    return gids.matcher.suggestable().filter((p) => inNamed(p) && !asker.own.includes(p.id)).slice(0, LISTED)
      .map((initiative) => suggestionOf({ initiative, score: 1, because: firstExperience(initiative) }));
  }
  const matches = gids.matcher.match(question, { region: named[0] ?? asker.region, exclude: asker.own, limit: 50, listing: true });
  return matches.filter((m) => inNamed(m.initiative)).slice(0, LISTED).map(suggestionOf);
}

function firstExperience(p: InitiativeProfile): string {
  const first = p.experience.split(/\s*[;\n]\s*|(?<=\.)\s+/)[0] ?? "";
  return (first || p.description.split(/(?<=[.!?])\s+/)[0] || "").slice(0, 110);
}
