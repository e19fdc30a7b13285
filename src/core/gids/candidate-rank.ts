import { foldDiacritics } from "../text/fold.js";
import type { InitiativeProfile } from "./initiative.js";

/** An initiative in the asker's region goes before others unless they fit clearly better (by this factor). */
export const REGION_PREFERENCE = 1.25;

/**
 * A candidate that holds more of the question's distinct words goes before one that holds as much in
 * fewer (the coordination factor of classic full-text ranking): in a long question one rare word that a
 * profile shares by chance (getraind, handige) weighs as much as three words another shares with what is
 * asked. Two words count ×1.11, three ×1.18, so the difference decides only between near equals.
 */
export const COORDINATION = 0.15;

/** Where a candidate goes in the order: its share of the question, for the words it holds and the asker's region. */
export function candidateRank(score: number, wordsHeld: number, local: boolean): number {
  return score * Math.max(1, wordsHeld) ** COORDINATION * (local ? REGION_PREFERENCE : 1);
}

/** Whether an initiative is in a region (folded): its kern, gemeente or provincie. */
export function inRegion(profile: InitiativeProfile, region: string): boolean {
  return [profile.place, profile.municipality, profile.province].some((r) => r !== undefined && foldDiacritics(r) === region);
}
