import { MessageFlags, Routes, type ChatInputCommandInteraction } from "discord.js";
import type { Reply } from "../../../core/reply.js";
import { conversationOf, THREADS, type DiscordContext } from "../discord-context.js";
import { threadName } from "../discord-handoff-sink.js";
import { asReplyOptions } from "../discord-rest.js";
import { inInbox } from "../message-inbox.js";
import { isTransient } from "../answer-retry.js";
import { askAnswer, sendPartOnce } from "../answer-parts.js";
import { answerAskAgain, askKey, pendingAskOf, renderAsk, type Following, type PendingAsk } from "./vraag-inbox.js";
import { forgetToken, forgetTokenWhenExpired } from "./vraag-token.js";
import { followingPlace, postFollowing } from "./vraag-following.js";

/**
 * `/vraag`: acknowledged at once (Discord allows 3 seconds), answered when ready; consent privately.
 * In a plain channel the answer gets a thread, where follow-ups and a person's answer arrive.
 */
export async function onAsk(ctx: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const question = interaction.options.getString("vraag", true);
  // Kept in the inbox before the deferral: a stop before the answer is out is answered after the restart (vraag-inbox.ts).
  // Its token is kept no longer than needed: till the reply is edited, at most its 15 minutes (vraag-token.ts).
  const key = askKey(interaction.id);
  const pending = pendingAskOf(interaction, question);
  // What a second try needs to know (a call to Discord failed on the way): as a restart would find it in the inbox.
  let current: PendingAsk = pending;
  await inInbox(ctx, { key, body: pending, person: `discord:${pending.userId}` }, false, async () => {
    const cancel = forgetTokenWhenExpired(ctx, key, pending);
    try {
      await ask(ctx, interaction, question, (conversationId, following) => {
        cancel();
        // With the parts that follow, as composed: a restart sends those, not a new answer (vraag-inbox.ts).
        current = { ...pending, token: "", edited: true, conversationId, following };
        forgetToken(ctx, key, pending, { edited: true, conversationId, following });
      });
    } finally {
      cancel();
    }
  }, () => answerAskAgain(ctx, key, current, "retry"));
}

async function ask(ctx: DiscordContext, interaction: ChatInputCommandInteraction, question: string, edited: (conversationId: string, following: Following) => void): Promise<void> {
  const response = await interaction.deferReply({ withResponse: true });
  const answerId = response.resource?.message?.id ?? (await interaction.fetchReply()).id;
  let conversationId = conversationOf(ctx, interaction, answerId);
  if (conversationId !== interaction.channelId) {
    try {
      await ctx.started().rest.post(Routes.threads(interaction.channelId, answerId), { body: { name: threadName(question), auto_archive_duration: 1440 } });
      conversationId = answerId; // a thread started on a message has the message's id
    } catch (error) {
      if (isTransient(error)) throw error; // tried again as a whole (answer-retry.ts), still in a thread
      ctx.options.logger.warn(`discord: kan geen thread starten onder het antwoord op /vraag (${(error as Error).message}); latere berichten citeren het antwoord`);
    }
  }
  const reply = await ctx.core.handle({ channel: ctx.name, conversationId, userId: interaction.user.id, userName: interaction.user.displayName, text: question, eventKey: askKey(interaction.id) });
  await respond(ctx, interaction, reply, conversationId, (following) => edited(conversationId, following));
  if (conversationId === answerId) ctx.options.deliveries.firstTime(THREADS, answerId);
}

/**
 * Answers an interaction: the public part in the deferred reply, the rest in the answer's thread (or
 * the channel) with a nonce each, the consent question only to the asker (a follow-up, which takes no
 * nonce). Each part is recorded once it landed: a later try (vraag-inbox.ts) sends only what did not,
 * with the same nonces in the same place.
 */
async function respond(ctx: DiscordContext, interaction: ChatInputCommandInteraction, reply: Reply, conversationId: string, edited: (following: Following) => void): Promise<void> {
  const { first, following } = renderAsk(reply);
  const { parts, prompt } = following;
  await interaction.editReply(asReplyOptions(first));
  edited(following);
  const answer = askAnswer(interaction.id);
  const postIn = followingPlace(interaction.channelId, conversationId);
  for (const [index, message] of parts.entries()) {
    await sendPartOnce(ctx, answer, index + 1, () => postFollowing(ctx, { interactionId: interaction.id, postIn, index }, message, () => interaction.followUp(asReplyOptions(message))));
  }
  if (prompt) await sendPartOnce(ctx, answer, parts.length + 1, () => interaction.followUp({ ...asReplyOptions(prompt), flags: MessageFlags.Ephemeral }));
}
