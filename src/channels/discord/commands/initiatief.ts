import { MessageFlags, type ButtonInteraction, type ChatInputCommandInteraction, type ModalSubmitInteraction } from "discord.js";
import type { InitiativeProfile } from "../../../core/gids/initiative.js";
import type { ProfileFormFields, ProfileFormResult } from "../../../core/gids/profile-form.js";
import { PROFILE_NL } from "../../../core/gids/profile-form-texts.js";
import { PREFILL_LIMITS } from "../../profile-prefill-limits.js";
import type { DiscordContext } from "../discord-context.js";
import { asReplyOptions } from "../discord-rest.js";
import { buttonRow, customId, plainMessage } from "../render-discord-reply.js";

/** The modal's custom id: `vw_profiel:<profile id>:<version>`, or `vw_profiel:nieuw` for a new profile. */
export const PROFILE_MODAL = "vw_profiel";
export const CONTACTABLE_BUTTONS = ["profile_contact_yes", "profile_contact_no"] as const;

/** Discord allows five rows of text inputs: name, kern and gemeente, themes, description, experience. */
const L = PROFILE_NL.labels;
const INPUTS = [
  { id: "name", label: L.name, style: 1, max: 120, required: true },
  { id: "where", label: L.where, style: 1, max: PREFILL_LIMITS.where, required: false, placeholder: "Cabauw, Lopik" },
  { id: "themes", label: L.themesShort, style: 1, max: PREFILL_LIMITS.themes, required: false, placeholder: "energie, mobiliteit" },
  { id: "description", label: L.descriptionShort, style: 2, max: 1000, required: false },
  { id: "experience", label: L.experience, style: 2, max: 1000, required: false },
] as const;

/** `/initiatief`: the modal (interaction response type 9), prefilled with the user's own profile. */
export async function onProfileCommand(ctx: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const profile = ctx.core.profileForm.mine({ platform: ctx.name, userId: interaction.user.id });
  const prefill: Record<string, string | undefined> = profile
    ? { name: profile.name, where: [profile.place, profile.municipality !== profile.place ? profile.municipality : undefined].filter(Boolean).join(", "), themes: profile.themes.join(", "), description: profile.description, experience: profile.experience }
    : {};
  await interaction.showModal({
    custom_id: profile ? `${PROFILE_MODAL}:${profile.id}:${profile.version}` : `${PROFILE_MODAL}:nieuw`,
    title: profile ? PROFILE_NL.titleEdit : PROFILE_NL.titleNew,
    components: INPUTS.map((input) => ({
      type: 1,
      components: [{
        type: 4, custom_id: input.id, label: input.label, style: input.style, max_length: input.max, required: input.required,
        ...("placeholder" in input ? { placeholder: input.placeholder } : {}), ...(prefill[input.id] ? { value: prefill[input.id] } : {}),
      }],
    })),
  } as unknown as Parameters<ChatInputCommandInteraction["showModal"]>[0]);
}

/** The submitted modal (interaction type 5): saved, then "mag benaderd worden" asked as a second step. */
export async function onProfileSubmit(ctx: DiscordContext, interaction: ModalSubmitInteraction): Promise<void> {
  const [, id, version] = interaction.customId.split(":");
  const text = (field: string) => interaction.fields.getTextInputValue(field)?.trim() || undefined;
  const [place, municipality] = (text("where") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const fields: ProfileFormFields = { name: text("name") ?? "", place, municipality, themes: text("themes"), description: text("description"), experience: text("experience") };
  const user = { platform: ctx.name, userId: interaction.user.id, name: interaction.user.displayName };
  const result = ctx.core.profileForm.submit(user, fields, id && id !== "nieuw" ? { id, version: Number(version) } : undefined);
  if (!result.ok) return void (await interaction.reply({ ...asReplyOptions(plainMessage(problemsText(result))), flags: MessageFlags.Ephemeral }));
  await interaction.reply({ ...asReplyOptions(stepTwo(result.profile)), flags: MessageFlags.Ephemeral });
}

/** "Ja, ik mag benaderd worden" / "Nee, nu niet" under the saved profile. */
export async function onContactableButton(ctx: DiscordContext, interaction: ButtonInteraction, action: string, profileId: string | undefined): Promise<void> {
  const user = { platform: ctx.name, userId: interaction.user.id, name: interaction.user.displayName };
  const result = ctx.core.profileForm.setContactable(user, profileId ?? "", action === "profile_contact_yes");
  const text = result.ok ? PROFILE_NL.saved(result.profile, user) : problemsText(result);
  await interaction.update(asReplyOptions(plainMessage(text)));
}

function stepTwo(profile: InitiativeProfile) {
  return {
    ...plainMessage(`${PROFILE_NL.savedShort(profile.name)} ${PROFILE_NL.discordStepTwo}`),
    components: [buttonRow([
      { customId: customId("profile_contact_yes", profile.id), label: PROFILE_NL.contactableYes.slice(0, 80), style: 3 },
      { customId: customId("profile_contact_no", profile.id), label: PROFILE_NL.contactableNo, style: 2 },
    ])],
  };
}

/** Discord shows no errors at a modal's fields: the problems, per field, in one private message. */
function problemsText(result: Exclude<ProfileFormResult, { ok: true }>): string {
  if ("message" in result) return result.message;
  return PROFILE_NL.notSaved(result.problems.map((p) => p.message));
}
