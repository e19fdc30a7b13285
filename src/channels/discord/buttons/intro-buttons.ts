import { MessageFlags, type ButtonInteraction } from "discord.js";
import { INTRO_BUTTON_LABELS, type IntroButton } from "../../../core/introductions/introduction-texts.js";
import { conversationOf, type DiscordContext } from "../discord-context.js";
import { asReplyOptions } from "../discord-rest.js";
import { introMessages } from "../intro-message.js";
import { CONTENT_LIMIT, type DiscordMessage } from "../render-discord-reply.js";

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
    await replyPrivately(interaction, introMessages(reply.text, reply.buttons, reply.introductionId ?? "", {}, reply.language));
    return;
  }
  const reply = core.introductions.press({ platform: ctx.name, userId: interaction.user.id, introductionId: value ?? "", button: action as IntroButton, eventKey });
  const messages = introMessages(reply.text, reply.buttons, reply.introductionId ?? "", {}, reply.language);
  if (!reply.ok) return replyPrivately(interaction, messages);
  // The request's own text stays above the answer (a DM); the choice question is replaced by the outcome.
  const kept = interaction.message.flags.has(MessageFlags.Ephemeral) ? "" : `${interaction.message.content}\n\n`;
  const [first, ...more] = messages;
  const together = `${kept}${first!.content ?? ""}`;
  if (more.length === 0 && together.length <= CONTENT_LIMIT) return void (await interaction.update(asReplyOptions({ ...first!, content: together })));
  // Too long for one message: the request stays as it was (without its buttons) and the outcome follows it.
  await interaction.update(asReplyOptions(kept ? { content: kept.trimEnd(), components: [], allowed_mentions: { parse: [] } } : first!));
  for (const message of kept ? messages : more) await interaction.followUp(asReplyOptions(message));
}

/** An answer only the presser sees, in as many messages as it needs. */
async function replyPrivately(interaction: ButtonInteraction, messages: DiscordMessage[]): Promise<void> {
  const [first, ...more] = messages;
  await interaction.reply({ ...asReplyOptions(first!), flags: MessageFlags.Ephemeral });
  for (const message of more) await interaction.followUp({ ...asReplyOptions(message), flags: MessageFlags.Ephemeral });
}
