import { MessageFlags, type ButtonInteraction } from "discord.js";
import type { AskerAction } from "../../../core/conversation.js";
import { conversationOf, type DiscordContext } from "../discord-context.js";
import { asReplyOptions } from "../discord-rest.js";
import { plainMessage, renderDiscordReply } from "../render-discord-reply.js";

export const ASKER_ACTIONS: ReadonlySet<string> = new Set<AskerAction["action"]>(["ask_human", "share", "share_anonymous", "dont_share", "write_to_helper"]);

/** "Vraag een mens" and the consent buttons. */
export async function onAskerButton(ctx: DiscordContext, interaction: ButtonInteraction, action: string, value: string | undefined, eventKey: string): Promise<void> {
  const { core } = ctx;
  const askerAction = action as AskerAction["action"];
  const act = {
    channel: ctx.name,
    conversationId: conversationOf(ctx, interaction, interaction.message.id),
    userId: interaction.user.id,
    userName: interaction.user.displayName,
    action: askerAction,
    handoffId: value,
    eventKey,
  };
  if (askerAction === "ask_human") {
    // Searching again may take a moment: acknowledge first, privately.
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const reply = await core.act(act);
    await interaction.editReply(asReplyOptions(renderDiscordReply(reply)[0]!));
    return;
  }
  const reply = await core.act(act);
  // "Antwoord aan …" sits under the person's answer, which stays: what to do next goes to the asker only.
  if (askerAction === "write_to_helper") return void (await interaction.reply({ ...asReplyOptions(plainMessage(reply.text)), flags: MessageFlags.Ephemeral }));
  // The consent question is answered: it gives way to the outcome. A refusal goes to the presser only.
  if (reply.reason === "not-allowed") await interaction.reply({ ...asReplyOptions(plainMessage(reply.text)), flags: MessageFlags.Ephemeral });
  else await interaction.update(asReplyOptions(plainMessage(reply.text)));
}
