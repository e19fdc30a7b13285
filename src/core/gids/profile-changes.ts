import type { ContactPerson, InitiativeProfile, ProfileStatus } from "./initiative.js";
import { isContactable } from "./profile-rules.js";

const COMPARED = ["name", "place", "municipality", "province", "themes", "description", "experience", "seeking", "website", "contacts", "status", "suggestedFrom"] as const;

/** The fields that differ between a stored profile and its next version (all of them for a new one). */
export function changedFields(before: InitiativeProfile | undefined, after: InitiativeProfile): string[] {
  if (!before) return [...COMPARED];
  return COMPARED.filter((field) => JSON.stringify(before[field] ?? null) !== JSON.stringify(after[field] ?? null));
}

/**
 * Why a profile may not become (or stay) published: a suggestion found in a document is published
 * only once a person confirmed it and at least one contact agreed to be approached. Undefined when it may.
 */
export function publishProblem(before: ProfileStatus | undefined, after: ProfileStatus, contacts: readonly ContactPerson[]): string | undefined {
  if (before !== "suggested" || after !== "published") return undefined;
  if (contacts.some(isContactable)) return undefined;
  return "Een voorgesteld initiatief wordt pas zichtbaar als er een contactpersoon bij staat die ermee instemt benaderd te worden (met een Slack- of Discord-id)";
}
