import type { ContactPerson, InitiativeProfile, PlatformUser, ProfileDraft } from "../../core/gids/initiative.js";

type Form = Record<string, unknown>;

const text = (value: unknown, max: number) => (typeof value === "string" ? value.slice(0, max) : "");
const textOrUndefined = (value: unknown, max: number) => text(value, max).trim() || undefined;

/** The profile's own fields from a form (the web chat's or the team view's); the store checks them. */
function fieldsOf(form: Form, existing?: InitiativeProfile): Omit<ProfileDraft, "contacts"> {
  return {
    id: existing?.id,
    name: text(form.name, 500),
    place: textOrUndefined(form.place, 500),
    municipality: textOrUndefined(form.municipality, 500),
    province: textOrUndefined(form.province, 500),
    themes: text(form.themes, 2000).split(/[,;]/).map((t) => t.trim()).filter(Boolean),
    description: text(form.description, 5000),
    experience: text(form.experience, 5000),
    seeking: text(form.seeking, 5000),
    website: textOrUndefined(form.website, 1000),
    status: existing?.status,
    suggestedFrom: existing?.suggestedFrom,
  };
}

/** A contact from a form row: name, Slack and Discord ids, and whether they may be approached. */
function contactOf(row: Form, extra: Record<string, string> = {}): ContactPerson {
  const handles: Record<string, string> = { ...extra };
  const slack = textOrUndefined(row.slack, 100);
  const discord = textOrUndefined(row.discord, 100);
  if (slack) handles.slack = slack;
  if (discord) handles.discord = discord;
  return { name: text(row.contactName ?? row.name, 200), handles, contactable: row.contactable === true };
}

/**
 * The web chat's form: the asker edits the profile's fields and their own contact line; the other
 * contacts stay as they are. The web chat cannot vouch for a Slack or Discord id, so those are never
 * taken from this form (anyone could name someone else's): only the platforms' own modals set them,
 * and the ones the asker's line already has are kept.
 */
export function askerDraft(form: Form, asker: PlatformUser, existing?: InitiativeProfile): ProfileDraft {
  const mine = (existing?.contacts ?? []).find((c) => c.handles[asker.platform] === asker.userId);
  const others = (existing?.contacts ?? []).filter((c) => c !== mine);
  const { slack: _slack, discord: _discord, ...own } = form;
  return { ...fieldsOf(form, existing), contacts: [...others, contactOf(own, { ...(mine?.handles ?? {}), [asker.platform]: asker.userId })] };
}

/** The team view's form: the profile's fields and every contact row (an empty row is left out). */
export function teamDraft(form: Form, existing?: InitiativeProfile): ProfileDraft {
  const rows = Array.isArray(form.contacts) ? (form.contacts as Form[]).slice(0, 10) : [];
  const contacts = rows.map((row, i) => {
    // Handles the form does not show (e.g. the web chat's) are kept for an existing contact.
    const kept = Object.fromEntries(Object.entries(existing?.contacts[Number(row.index ?? i)]?.handles ?? {}).filter(([p]) => p !== "slack" && p !== "discord"));
    return contactOf(row, kept);
  }).filter((c) => c.name || Object.keys(c.handles).length);
  return { ...fieldsOf(form, existing), contacts };
}
