import type { App, types } from "@slack/bolt";
import type { InitiativeProfile } from "../../core/gids/initiative.js";
import type { ProfileFormFields, ProfileFormResult } from "../../core/gids/profile-form.js";
import { PROFILE_NL } from "../../core/gids/profile-form-texts.js";
import { PREFILL_LIMITS } from "../profile-prefill-limits.js";
import type { SlackContext } from "./slack-context.js";
import { escapeSlack } from "./slack-escape.js";
import { postDmOnce, submissionKey } from "./slack-dm-once.js";

/** The modal's callback id; its private metadata holds the profile id and version it edits. */
export const PROFILE_CALLBACK = "initiatief_profiel";

type Input = { id: keyof ProfileFormFields; label: string; multiline?: boolean; optional?: boolean; max: number; hint?: string };
const L = PROFILE_NL.labels;
const INPUTS: Input[] = [
  { id: "name", label: L.name, max: 120 },
  { id: "place", label: L.place, optional: true, max: 80 },
  { id: "municipality", label: L.municipality, optional: true, max: 80 },
  { id: "province", label: L.province, optional: true, max: 80 },
  { id: "themes", label: L.themes, optional: true, max: PREFILL_LIMITS.themes, hint: L.themesHint },
  { id: "description", label: L.description, multiline: true, optional: true, max: 1000 },
  { id: "experience", label: L.experience, multiline: true, optional: true, max: 1000, hint: L.experienceHint },
  { id: "seeking", label: L.seeking, multiline: true, optional: true, max: 600 },
  { id: "website", label: L.website, optional: true, max: 300 },
];
/** A problem's field, to the block that shows it. */
const BLOCK_OF: Record<string, string> = { contacts: "contactable" };

/** The profile form as a Slack modal, prefilled with the user's own profile when they have one. */
export function profileView(profile: InitiativeProfile | undefined, slackUserId: string): types.ModalView {
  const me = profile?.contacts.find((c) => c.handles.slack === slackUserId);
  const value = (id: keyof ProfileFormFields): string | undefined => {
    if (!profile) return undefined;
    const v = id === "themes" ? profile.themes.join(", ") : (profile as unknown as Record<string, unknown>)[id];
    return typeof v === "string" && v ? v : undefined;
  };
  const options = [
    { text: { type: "plain_text" as const, text: PROFILE_NL.contactableYes }, value: "ja" },
    { text: { type: "plain_text" as const, text: PROFILE_NL.contactableNo }, value: "nee" },
  ];
  const blocks: types.KnownBlock[] = INPUTS.map((input) => ({
    type: "input",
    block_id: input.id,
    optional: input.optional ?? false,
    label: { type: "plain_text", text: input.label },
    ...(input.hint ? { hint: { type: "plain_text", text: input.hint } } : {}),
    element: { type: "plain_text_input", action_id: "value", multiline: input.multiline ?? false, max_length: input.max, ...(value(input.id) ? { initial_value: value(input.id) } : {}) },
  }));
  blocks.push({
    type: "input",
    block_id: "contactable",
    label: { type: "plain_text", text: PROFILE_NL.contactableQuestion },
    element: { type: "radio_buttons", action_id: "value", options, initial_option: me?.contactable ? options[0] : options[1] },
  });
  return {
    type: "modal",
    callback_id: PROFILE_CALLBACK,
    title: { type: "plain_text", text: profile ? PROFILE_NL.titleEdit : PROFILE_NL.titleNew },
    submit: { type: "plain_text", text: PROFILE_NL.save },
    close: { type: "plain_text", text: PROFILE_NL.cancel },
    private_metadata: JSON.stringify(profile ? { id: profile.id, version: profile.version } : {}),
    blocks,
  };
}

/** `/vliegwiel initiatief`: opens the modal (the trigger is valid for 3 seconds, so at once). */
export async function openProfileModal(ctx: SlackContext, triggerId: string, userId: string): Promise<void> {
  const profile = ctx.core.profileForm.mine({ platform: ctx.name, userId });
  await ctx.client.views.open({ trigger_id: triggerId, view: profileView(profile, userId) });
}

type StateValues = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

/** The submitted modal: saved, or its problems shown at their fields (`response_action: "errors"`). */
export function registerProfileModal(app: App, ctx: SlackContext): void {
  app.view(PROFILE_CALLBACK, async ({ ack, body, view }) => {
    const values = view.state.values as StateValues;
    const text = (id: string) => values[id]?.value?.value?.trim() || undefined;
    const fields: ProfileFormFields = {
      name: text("name") ?? "", place: text("place"), municipality: text("municipality"), province: text("province"), themes: text("themes"),
      description: text("description"), experience: text("experience"), seeking: text("seeking"), website: text("website"),
      contactable: values.contactable?.value?.selected_option?.value === "ja",
    };
    const target = JSON.parse(view.private_metadata || "{}") as { id?: string; version?: number };
    const user = { platform: ctx.name, userId: body.user.id, name: await ctx.nameOf(body.user.id) };
    const result: ProfileFormResult = ctx.core.profileForm.submit(user, fields, target.id ? { id: target.id, version: target.version ?? 0 } : undefined);
    if (!result.ok) {
      const errors: Record<string, string> = {};
      const problems = "problems" in result ? result.problems : [{ field: "name", message: result.message }];
      for (const p of problems) {
        const block = BLOCK_OF[p.field] ?? (INPUTS.some((i) => i.id === p.field) ? p.field : "name");
        errors[block] = errors[block] ? `${errors[block]}; ${p.message}` : capitalise(p.message);
      }
      await ack({ response_action: "errors", errors });
      return;
    }
    await ack();
    // The name is the person's own typing: escaped, so it shows as typed (never a link or a broadcast).
    // Once, also when a connection is cut under it (keyed by the submission).
    await postDmOnce(ctx, submissionKey(body), body.user.id, escapeSlack(PROFILE_NL.saved(result.profile, user)));
  });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
