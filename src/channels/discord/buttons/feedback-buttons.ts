import { MessageFlags, type ButtonInteraction } from "discord.js";
import { conversationOf, type DiscordContext } from "../discord-context.js";
import { asReplyOptions } from "../discord-rest.js";
import { plainMessage } from "../render-discord-reply.js";
import { CHANNEL_NL } from "../../../core/channel-texts-nl.js";

/** "Nuttig" / "Niet nuttig" under an answer: counted once per person and answer. */
export async function onFeedbackButton(ctx: DiscordContext, interaction: ButtonInteraction, action: "feedback_up" | "feedback_down"): Promise<void> {
  if (ctx.options.deliveries.firstTime(`${ctx.name}-feedback`, `${interaction.message.id}:${interaction.user.id}`)) {
    ctx.core.feedback({ channel: ctx.name, conversationId: conversationOf(ctx, interaction, interaction.message.id), helpful: action === "feedback_up", userId: interaction.user.id });
  }
  await interaction.reply({ ...asReplyOptions(plainMessage(CHANNEL_NL.feedbackThanks)), flags: MessageFlags.Ephemeral });
}
