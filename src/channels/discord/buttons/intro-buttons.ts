import { MessageFlags, type ButtonInteraction } from "discord.js";
import { INTRO_BUTTON_LABELS, type IntroButton } from "../../../core/introductions/introduction-texts.js";
import { conversationOf, type DiscordContext } from "../discord-context.js";
import { asReplyOptions } from "../discord-rest.js";
import { introMessage } from "../intro-message.js";

/** "Breng me in contact" under a suggested initiative: `vw:connect_me:<initiative id>`. */
export const CONNECT_ME = "connect_me";

export function isIntroButton(action: string): boolean {
  return action === CONNECT_ME || action in INTRO_BUTTON_LABELS;
}

/**
 * "Breng me in contact" and every introduction button after it. The press is committed before the
 * interaction is answered. The choice is asked privately (ephemeral); a request or follow-up that is
 * answered gives way to the answer, so it cannot be pressed again by mistake.
 */
export async function onIntroButton(ctx: DiscordContext, interaction: ButtonInteraction, action: string, value: string | undefined, eventKey: string): Promise<void> {
  const { core } = ctx;
  if (action === CONNECT_ME) {
    const reply = core.introductions.connectMe({
      platform: ctx.name, conversationId: conversationOf(ctx, interaction, interaction.message.id), userId: interaction.user.id,
      userName: interaction.user.displayName, initiativeId: value ?? "", eventKey,
    });
    await interaction.reply({ ...asReplyOptions(introMessage(reply.text, reply.buttons, reply.introductionId ?? "", {}, reply.language)), flags: MessageFlags.Ephemeral });
    return;
  }
  const reply = core.introductions.press({ platform: ctx.name, userId: interaction.user.id, introductionId: value ?? "", button: action as IntroButton, eventKey });
  const message = introMessage(reply.text, reply.buttons, reply.introductionId ?? "", {}, reply.language);
  if (!reply.ok) return void (await interaction.reply({ ...asReplyOptions(message), flags: MessageFlags.Ephemeral }));
  // The request's own text stays above the answer (a DM); the choice question is replaced by the outcome.
  const kept = interaction.message.flags.has(MessageFlags.Ephemeral) ? "" : `${interaction.message.content}\n\n`;
  await interaction.update(asReplyOptions({ ...message, content: `${kept}${message.content ?? ""}`.slice(0, 2000) }));
}
