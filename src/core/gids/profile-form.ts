import { UserError } from "../errors.js";
import type { ContactPerson, InitiativeProfile, PlatformUser, ProfileDraft } from "./initiative.js";
import { InvalidProfile, type ProfileProblem } from "./profile-rules.js";
import type { ProfileService } from "./profile-service.js";

/** The fields of the profile form in a chat modal, as typed. */
export type ProfileFormFields = {
  name: string;
  place?: string;
  municipality?: string;
  province?: string;
  /** Comma-separated, as typed ("energie, mobiliteit"). */
  themes?: string;
  description?: string;
  experience?: string;
  seeking?: string;
  website?: string;
  /** "Mag benaderd worden": asked explicitly; left out keeps what the profile had (no for a new one). */
  contactable?: boolean;
};

export type ProfileFormResult =
  | { ok: true; profile: InitiativeProfile; created: boolean }
  | { ok: false; problems: ProfileProblem[] }
  | { ok: false; message: string };

/** The person filling in the form, on their platform. */
export type FormUser = PlatformUser & { name: string };

/**
 * The chat modals' side of the gids: a person creates or edits their own initiative's profile, and
 * is its contact person themselves. Whether others may approach them is their own explicit choice.
 */
export interface ProfileForm {
  /** The user's own profile (to prefill the form), if they have one. */
  mine(user: PlatformUser): InitiativeProfile | undefined;
  submit(user: FormUser, fields: ProfileFormFields, target?: { id: string; version: number }): ProfileFormResult;
  /** The second step on Discord: only "mag benaderd worden" for the user's own profile. */
  setContactable(user: FormUser, profileId: string, contactable: boolean): ProfileFormResult;
}

export function createProfileForm(profiles: ProfileService): ProfileForm {
  const save = (user: FormUser, draft: ProfileDraft, version: number | undefined, created: boolean): ProfileFormResult => {
    try {
      return { ok: true, profile: profiles.save(draft, user, version), created };
    } catch (error) {
      if (error instanceof InvalidProfile) return { ok: false, problems: error.problems };
      if (error instanceof UserError) return { ok: false, message: error.message };
      throw error;
    }
  };
  return {
    mine: (user) => profiles.mine(user)[0],
    submit(user, fields, target) {
      const existing = target ? profiles.get(target.id, user) : undefined;
      if (target && !existing) return { ok: false, message: "Dit profiel bestaat niet meer. Open het formulier opnieuw." };
      const draft: ProfileDraft = {
        ...(existing ?? {}),
        id: existing?.id,
        name: fields.name,
        place: fields.place,
        municipality: fields.municipality ?? fields.place,
        province: fields.province ?? existing?.province,
        themes: (fields.themes ?? "").split(/[,;\n]/).map((t) => t.trim()).filter(Boolean),
        description: fields.description ?? "",
        experience: fields.experience ?? "",
        seeking: fields.seeking ?? existing?.seeking ?? "",
        website: fields.website ?? existing?.website,
        contacts: withMe(existing?.contacts ?? [], user, fields.contactable),
      };
      return save(user, draft, existing?.version, !existing);
    },
    setContactable(user, profileId, contactable) {
      const existing = profiles.get(profileId, user);
      if (!existing || !existing.contacts.some((c) => c.handles[user.platform] === user.userId)) return { ok: false, message: "Dit is niet het profiel van je eigen initiatief." };
      return save(user, { ...existing, contacts: withMe(existing.contacts, user, contactable) }, existing.version, false);
    },
  };
}

/** The contacts with the form's user in them (their name refreshed, their choice kept unless given). */
function withMe(contacts: readonly ContactPerson[], user: FormUser, contactable: boolean | undefined): ContactPerson[] {
  const mine = contacts.find((c) => c.handles[user.platform] === user.userId);
  const me: ContactPerson = { name: user.name, handles: { ...(mine?.handles ?? {}), [user.platform]: user.userId }, contactable: contactable ?? mine?.contactable ?? false };
  return mine ? contacts.map((c) => (c === mine ? me : c)) : [...contacts, me];
}
