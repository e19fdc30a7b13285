import type { InitiativeProfile } from "../../src/core/gids/initiative.js";
import { PROFILE_LIMITS } from "../../src/core/gids/profile-rules.js";

/** A profile with every field as long as the rules allow (as the web form or an import may save it). */
export function profileAtTheLimits(handles: Record<string, string>): InitiativeProfile {
  const letters = (n: number, seed: string) => seed.repeat(n).slice(0, n);
  return {
    id: "lang-profiel", name: letters(PROFILE_LIMITS.name, "Naam "), place: letters(PROFILE_LIMITS.place, "Kern"), municipality: letters(PROFILE_LIMITS.place, "Gemeente"),
    province: "Utrecht", themes: Array.from({ length: PROFILE_LIMITS.themes }, (_, i) => letters(PROFILE_LIMITS.theme, `thema${i}x`)),
    description: letters(PROFILE_LIMITS.description, "Beschrijving. "), experience: letters(PROFILE_LIMITS.experience, "Ervaring. "), seeking: letters(PROFILE_LIMITS.seeking, "Zoeken. "),
    website: `https://${letters(PROFILE_LIMITS.website - 12, "a")}.nl`, contacts: [{ name: "Marieke", handles, contactable: true }],
    status: "published", version: 1, updatedAt: "2026-11-29T00:00:00.000Z", updatedBy: "test",
  } as InitiativeProfile;
}
