import { MessageFlags, type ButtonInteraction, type ModalSubmitInteraction } from "discord.js";
import { MAX_LESSON_CHARS } from "../../core/introductions/lesson-machine.js";
import { lessonTexts } from "../../core/introductions/lesson-texts.js";
import type { DiscordContext } from "./discord-context.js";
import { asReplyOptions } from "./discord-rest.js";
import { buttonRow, customId, plainMessage, type DiscordMessage } from "./render-discord-reply.js";

/** The modal's custom id: `vw_les:<introduction id>`. */
export const LESSON_MODAL = "vw_les";
/** The second step (a Discord modal has text fields only): share with the coordinators or not. */
export const LESSON_SHARE_BUTTONS = ["lesson_share_yes", "lesson_share_no"] as const;

/** "Deel wat je leerde": a modal (interaction response type 9) with one text field, prefilled with an earlier lesson. */
export async function openLessonModal(ctx: DiscordContext, interaction: ButtonInteraction, introductionId: string): Promise<void> {
  const form = ctx.core.lessons.form({ platform: ctx.name, userId: interaction.user.id }, introductionId);
  if (!form.ok) return void (await interaction.reply({ ...asReplyOptions(plainMessage(form.text)), flags: MessageFlags.Ephemeral }));
  const texts = lessonTexts(form.language);
  await interaction.showModal({
    custom_id: `${LESSON_MODAL}:${introductionId}`,
    title: texts.title,
    components: [{
      type: 1,
      components: [{
        type: 4, custom_id: "lesson", label: texts.label, style: 2, max_length: MAX_LESSON_CHARS, required: true,
        placeholder: texts.placeholder.slice(0, 100), ...(form.text ? { value: form.text } : {}),
      }],
    }],
  } as unknown as Parameters<ButtonInteraction["showModal"]>[0]);
}

/** The submitted modal (interaction type 5): saved, keeping the earlier choice to share; then the choice is offered. */
export async function onLessonSubmit(ctx: DiscordContext, interaction: ModalSubmitInteraction): Promise<void> {
  const introductionId = interaction.customId.slice(LESSON_MODAL.length + 1);
  const author = { platform: ctx.name, userId: interaction.user.id };
  const earlier = ctx.core.lessons.form(author, introductionId);
  const reply = ctx.core.lessons.submit({
    author, introductionId, text: interaction.fields.getTextInputValue("lesson") ?? "", share: earlier.ok && earlier.shared, eventKey: `discord:${interaction.id}`,
  });
  const message = reply.ok ? shareStep(introductionId, reply.shared === true, earlier.language) : plainMessage(reply.text);
  await interaction.reply({ ...asReplyOptions(message), flags: MessageFlags.Ephemeral });
}

/** "Ja, deel het" / "Nee, alleen voor mezelf" under the saved lesson. */
export async function onLessonShareButton(ctx: DiscordContext, interaction: ButtonInteraction, action: string, introductionId: string | undefined): Promise<void> {
  const reply = ctx.core.lessons.setSharing({
    author: { platform: ctx.name, userId: interaction.user.id }, introductionId: introductionId ?? "", share: action === "lesson_share_yes", eventKey: `discord:${interaction.id}`,
  });
  await interaction.update(asReplyOptions(plainMessage(reply.text)));
}

function shareStep(introductionId: string, shared: boolean, language: "en" | undefined): DiscordMessage {
  const texts = lessonTexts(language);
  return {
    ...plainMessage(shared ? texts.savedShared : texts.askShare),
    components: [buttonRow(shared
      ? [{ customId: customId("lesson_share_no", introductionId), label: texts.shareNo, style: 2 }]
      : [
        { customId: customId("lesson_share_yes", introductionId), label: texts.shareYes, style: 1 },
        { customId: customId("lesson_share_no", introductionId), label: texts.shareNo, style: 2 },
      ])],
  };
}
