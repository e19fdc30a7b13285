import { analyzeText } from "../text/analyzer.js";
import type { InitiativeProfile } from "./initiative.js";

const MAX_CHARS = 110;

/**
 * The words of a profile that explain a match, for the suggestion line ("buurtbus sinds 2019"): the part
 * of its experience (else its description) that holds most of the matched terms, else its first part.
 */
export function matchReason(profile: InitiativeProfile, matchedTerms: readonly string[]): string {
  const wanted = new Set(matchedTerms);
  let best: { text: string; hits: number } | undefined;
  for (const [field, bonus] of [[profile.experience, 0.5], [profile.description, 0]] as const) {
    for (const clause of clausesOf(field)) {
      const hits = analyzeText(clause).filter((t) => wanted.has(t)).length;
      if (hits > 0 && (!best || hits + bonus > best.hits)) best = { text: clause, hits: hits + bonus };
    }
  }
  const text = best?.text ?? clausesOf(profile.experience)[0] ?? clausesOf(profile.description)[0] ?? profile.themes.join(", ");
  return shorten(text);
}

/** Sentences, and the items of a list of experience ("buurtbus sinds 2019; zonnepanelen op het dak"). */
function clausesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\s*[;\n•]\s*/).map((c) => c.trim().replace(/[.;]+$/, "")).filter((c) => c.length > 2);
}

function shorten(text: string): string {
  if (text.length <= MAX_CHARS) return text;
  return `${text.slice(0, MAX_CHARS - 2).replace(/\s+\S*$/, "")} …`;
}
