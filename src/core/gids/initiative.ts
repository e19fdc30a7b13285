/**
 * The initiatievengids: what the network knows of its initiatives themselves (not of documents),
 * so that askers can find others who did what they are about to do. Shared by the gids (profiles,
 * matching) and the introductions workflow; channel adapters reach it through these ports only.
 */

/** Someone of an initiative who may be approached for an introduction. */
export type ContactPerson = {
  name: string;
  /** User id per chat platform ("slack" → "U123", "discord" → "4567"); no platform is hard-coded. */
  handles: Record<string, string>;
  /** Agreed to be contacted by others in the network; nothing about a contact is shown before this is true. */
  contactable: boolean;
};

/** "published": visible in the gids; "suggested": found in a document, waiting for a person's confirmation. */
export type ProfileStatus = "published" | "suggested";

export type InitiativeProfile = {
  /** Stable slug, e.g. "dorpshuis-de-schakel-lopik". */
  id: string;
  name: string;
  /** Kern or dorp. */
  place?: string;
  municipality?: string;
  province?: string;
  themes: string[];
  /** A short description in the initiative's own words. */
  description: string;
  /** "Waar we ervaring mee hebben": what others may ask them about. */
  experience: string;
  /** "Waar we hulp bij zoeken". */
  seeking: string;
  website?: string;
  contacts: ContactPerson[];
  status: ProfileStatus;
  /** Document a suggestion came from (status "suggested" only). */
  suggestedFrom?: string;
  /** Optimistic concurrency: every save increments it; a save with an older version is refused. */
  version: number;
  updatedAt: string;
  updatedBy: string;
};

/** A chat user on one platform. */
export type PlatformUser = { platform: string; userId: string };

export type ProfileDraft = Omit<InitiativeProfile, "id" | "version" | "updatedAt" | "updatedBy" | "status"> & {
  id?: string;
  status?: ProfileStatus;
};

/** The profiles, persisted. Implemented by the embedded store. */
export interface InitiativeDirectory {
  get(id: string): InitiativeProfile | undefined;
  /** Published profiles (and suggestions when asked), by name. */
  list(options?: { includeSuggested?: boolean }): InitiativeProfile[];
  /**
   * Create (no `id` or an unknown one) or update a profile. `expectedVersion` guards concurrent edits:
   * a mismatch throws a UserError with code "profile_conflict".
   */
  save(draft: ProfileDraft, by: PlatformUser, expectedVersion?: number): InitiativeProfile;
  remove(id: string, by: PlatformUser): boolean;
  /** Profiles where this user is one of the contacts (the user's own initiatives). */
  ofMember(user: PlatformUser): InitiativeProfile[];
  /** Removes this user as a contact everywhere (and profiles left without any contact they created). */
  forgetPerson(user: PlatformUser): number;
}

/** An initiative that fits a question, with a short reason in Dutch for the asker. */
export type InitiativeMatch = {
  initiative: InitiativeProfile;
  score: number;
  /** E.g. "buurtbus sinds 2019": the words of the profile that matched, for the suggestion line. */
  because: string;
};

export interface InitiativeMatcher {
  /**
   * Published initiatives with at least one contactable contact whose experience fits the question,
   * best first, at most `limit`; none of `exclude`; those in `region` (gemeente or provincie) first
   * among comparable matches. Empty when nothing fits well enough.
   */
  match(question: string, options?: { region?: string; exclude?: readonly string[]; limit?: number }): InitiativeMatch[];
}
