import { MessageFlags, Routes, type ChatInputCommandInteraction } from "discord.js";
import type { Reply } from "../../../core/reply.js";
import { conversationOf, THREADS, type DiscordContext } from "../discord-context.js";
import { threadName } from "../discord-handoff-sink.js";
import { asReplyOptions } from "../discord-rest.js";
import { inInbox } from "../message-inbox.js";
import { promptMessage, renderDiscordReply } from "../render-discord-reply.js";
import { askKey, pendingAskOf } from "./vraag-inbox.js";

/**
 * `/vraag`: acknowledged at once (Discord allows 3 seconds), answered when ready; consent privately.
 * In a plain channel the answer gets a thread, where follow-ups and a person's answer arrive.
 */
export async function onAsk(ctx: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const question = interaction.options.getString("vraag", true);
  // Kept in the inbox before the deferral: a stop before the answer is out is answered after the restart (vraag-inbox.ts).
  await inInbox(ctx, askKey(interaction.id), pendingAskOf(interaction, question), false, () => ask(ctx, interaction, question));
}

async function ask(ctx: DiscordContext, interaction: ChatInputCommandInteraction, question: string): Promise<void> {
  const response = await interaction.deferReply({ withResponse: true });
  const answerId = response.resource?.message?.id ?? (await interaction.fetchReply()).id;
  let conversationId = conversationOf(ctx, interaction, answerId);
  if (conversationId !== interaction.channelId) {
    try {
      await ctx.started().rest.post(Routes.threads(interaction.channelId, answerId), { body: { name: threadName(question), auto_archive_duration: 1440 } });
      conversationId = answerId; // a thread started on a message has the message's id
    } catch (error) {
      ctx.options.logger.warn(`discord: kan geen thread starten onder het antwoord op /vraag (${(error as Error).message}); latere berichten citeren het antwoord`);
    }
  }
  const reply = await ctx.core.handle({ channel: ctx.name, conversationId, userId: interaction.user.id, userName: interaction.user.displayName, text: question, eventKey: askKey(interaction.id) });
  await respond(interaction, reply);
  if (conversationId === answerId) ctx.options.deliveries.firstTime(THREADS, answerId);
}

/** Answers an interaction: the public part in the deferred reply, the consent question only to the asker. */
async function respond(interaction: ChatInputCommandInteraction, reply: Reply): Promise<void> {
  const [first, ...more] = renderDiscordReply(reply, { withoutPrompt: true });
  await interaction.editReply(asReplyOptions(first!));
  for (const message of more) await interaction.followUp(asReplyOptions(message));
  const prompt = promptMessage(reply);
  if (prompt) await interaction.followUp({ ...asReplyOptions(prompt), flags: MessageFlags.Ephemeral });
}
