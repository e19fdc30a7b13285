import { UserError } from "../errors.js";
import type { ContactPerson, InitiativeDirectory, InitiativeProfile, PlatformUser, ProfileDraft } from "./initiative.js";

/** Whether a user coordinates the network (roster coordinators, or a role a platform vouches for). */
export type IsCoordinator = (user: PlatformUser) => boolean;

/**
 * The rules of who may do what with a profile, in one place for every channel: an initiative edits
 * and removes its own profile (its contacts); coordinators edit any, and confirm suggestions found in
 * documents; anyone can take themselves off a profile at any time.
 */
export class ProfileService {
  constructor(private readonly directory: InitiativeDirectory, private readonly isCoordinator: IsCoordinator) {}

  /** The user's own initiatives (where they are a contact). */
  mine(user: PlatformUser): InitiativeProfile[] {
    return this.directory.ofMember(user);
  }

  get(id: string, by: PlatformUser): InitiativeProfile | undefined {
    const profile = this.directory.get(id);
    if (!profile) return undefined;
    if (profile.status === "suggested" && !this.isCoordinator(by)) return undefined;
    return profile;
  }

  mayEdit(user: PlatformUser, profile: InitiativeProfile): boolean {
    return this.isCoordinator(user) || isMember(user, profile);
  }

  /** Creates or updates a profile; a person who does not coordinate must be one of its contacts. */
  save(draft: ProfileDraft, by: PlatformUser, expectedVersion?: number): InitiativeProfile {
    const coordinator = this.isCoordinator(by);
    const existing = draft.id ? this.directory.get(draft.id) : undefined;
    if (existing && !this.mayEdit(by, existing)) throw notYours();
    if (!coordinator) {
      if (draft.status === "suggested" || existing?.status === "suggested") throw notYours();
      if (!draft.contacts.some((c) => c.handles[by.platform] === by.userId)) {
        throw new UserError("profile_not_member", "Zet jezelf bij de contactpersonen: je kunt alleen een profiel maken of aanpassen van een initiatief waar je zelf bij hoort.");
      }
    }
    const status = existing ? draft.status ?? existing.status : draft.status ?? "published";
    return this.directory.save({ ...draft, status }, by, expectedVersion);
  }

  /** Removes a whole profile: by one of its contacts or a coordinator. */
  remove(id: string, by: PlatformUser): boolean {
    const existing = this.directory.get(id);
    if (!existing) return false;
    if (!this.mayEdit(by, existing)) throw notYours();
    return this.directory.remove(id, by);
  }

  /** Takes the user off a profile's contacts (the rest of the profile stays). */
  leave(id: string, by: PlatformUser): InitiativeProfile | undefined {
    const existing = this.directory.get(id);
    if (!existing || !isMember(by, existing)) return undefined;
    const contacts = existing.contacts.filter((c) => c.handles[by.platform] !== by.userId);
    return this.directory.save({ ...existing, contacts }, by, existing.version);
  }

  /** Whether the user may see and edit every profile and the suggestions. */
  coordinates(user: PlatformUser): boolean {
    return this.isCoordinator(user);
  }

  /** Every profile, suggestions included, for coordinators only. */
  all(by: PlatformUser): InitiativeProfile[] {
    if (!this.isCoordinator(by)) throw notCoordinator();
    return this.directory.list({ includeSuggested: true });
  }

  /** Suggestions found in documents, for coordinators only. */
  suggestions(by: PlatformUser): InitiativeProfile[] {
    if (!this.isCoordinator(by)) throw notCoordinator();
    return this.directory.list({ includeSuggested: true }).filter((p) => p.status === "suggested");
  }

  /**
   * A coordinator publishes a suggestion after filling it in, with a contact who agreed to be approached
   * (the store refuses it otherwise).
   */
  confirm(draft: ProfileDraft & { id: string }, by: PlatformUser, expectedVersion?: number): InitiativeProfile {
    if (!this.isCoordinator(by)) throw notCoordinator();
    const existing = this.directory.get(draft.id);
    if (!existing) throw new UserError("profile_missing", "Dit voorstel bestaat niet meer.");
    return this.directory.save({ ...draft, status: "published" }, by, expectedVersion);
  }
}

export function isMember(user: PlatformUser, profile: InitiativeProfile): boolean {
  return profile.contacts.some((c: ContactPerson) => c.handles[user.platform] === user.userId);
}

function notYours(): UserError {
  return new UserError("profile_not_allowed", "Je kunt alleen het profiel van je eigen initiatief aanpassen of verwijderen. Vraag een coördinator als er iets niet klopt.");
}

function notCoordinator(): UserError {
  return new UserError("profile_not_coordinator", "Alleen coördinatoren kunnen voorstellen uit de documenten bekijken en bevestigen.");
}
