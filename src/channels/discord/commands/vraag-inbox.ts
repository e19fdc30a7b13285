import { ChannelType, Routes, type ChatInputCommandInteraction } from "discord.js";
import type { Reply } from "../../../core/reply.js";
import { THREADS, type DiscordContext } from "../discord-context.js";
import { postOnce, startThreadOnce } from "../discord-effect-post.js";
import { threadName } from "../discord-handoff-sink.js";
import { ASK_KEY_PREFIX } from "../message-inbox.js";
import { isTransient } from "../answer-retry.js";
import { askAnswer, sendPartOnce } from "../answer-parts.js";
import { escapeMarkdown, promptMessage, renderDiscordReply, type DiscordMessage } from "../render-discord-reply.js";
import { createdAt, forgetToken, TOKEN_LIFETIME_MS } from "./vraag-token.js";
import { addressedTo, askNonce, followingPlace, postConsentPrivately, postFollowing } from "./vraag-following.js";

/**
 * A `/vraag` kept in the inbox from before its deferral until answered. Discord delivers an
 * interaction once and cannot give it back, so what the answer needs is kept: the question, who asked
 * where, and the interaction's token, with which its deferred reply can be edited for 15 minutes. The
 * inbox keeps it only until answered (then its key alone).
 */
export type PendingAsk = {
  interactionId: string;
  applicationId: string;
  token: string;
  channelId: string;
  /** Asked in a server (not a DM): a late answer there mentions the asker. */
  inServer: boolean;
  /** Asked in a thread or DM: that is the conversation (in a plain channel it is the answer's thread). */
  whole: boolean;
  userId: string;
  userName: string;
  question: string;
  /** The deferred reply was edited into the answer (its token is then forgotten); what may be missing is what came after it. */
  edited?: boolean;
  /** The conversation the edited answer belongs to. */
  conversationId?: string;
  /**
   * What follows the edited answer, as rendered when it was composed: after a restart exactly these are
   * sent (those not yet confirmed), never a new answer, which a language model may word and split otherwise.
   */
  following?: Following;
};

/** The answer's further parts and the consent question (for the asker only), after the part edited into the deferred reply. */
export type Following = { parts: DiscordMessage[]; prompt?: DiscordMessage };

/** What a `/vraag`'s deferred reply becomes, and what follows it. */
export function renderAsk(reply: Reply): { first: DiscordMessage; following: Following } {
  const [first, ...parts] = renderDiscordReply(reply, { withoutPrompt: true });
  const prompt = promptMessage(reply);
  return { first: first!, following: prompt ? { parts, prompt } : { parts } };
}

/** Discord lets an interaction's token edit its reply for 15 minutes; the last minute is left for the work itself. */
const TOKEN_USABLE_MS = TOKEN_LIFETIME_MS - 60_000;

/** The inbox key of a `/vraag`, also its event key in the core (a second try starts no second handoff). */
export const askKey = (interactionId: string) => `${ASK_KEY_PREFIX}${interactionId}`;

export function pendingAskOf(interaction: ChatInputCommandInteraction, question: string): PendingAsk {
  const channel = interaction.channel;
  return {
    interactionId: interaction.id, applicationId: interaction.applicationId, token: interaction.token, channelId: interaction.channelId,
    inServer: !!interaction.guildId, whole: !interaction.guildId || !!channel?.isThread() || channel?.type === ChannelType.DM,
    userId: interaction.user.id, userName: interaction.user.displayName, question,
  };
}

/**
 * Answers a `/vraag` a stop cut off. While its token is usable, the deferred reply ("denkt na…") is
 * edited into the answer, as if nothing happened. After that (or when the stop came before the
 * deferral) the answer is posted where the question was asked, under the deferred reply when there is
 * one, with a mention of the asker: that is where they asked and where they look, others in the
 * channel see the answer as with any /vraag, and a DM may be closed to the bot.
 */
export async function answerAskAgain(ctx: DiscordContext, key: string, ask: PendingAsk, after: "restart" | "retry" = "restart"): Promise<void> {
  const { logger, deliveries } = ctx.options;
  const rest = ctx.started().rest;
  logger.info(`discord: /vraag ${ask.interactionId} wordt opnieuw beantwoord (${after === "restart" ? "een stop onderbrak het" : "een poging mislukte"})`);
  if (ask.edited) return finishEdited(ctx, key, ask);
  const usable = () => !!ask.token && Date.now() - createdAt(ask.interactionId) < TOKEN_USABLE_MS;
  // Past its window the token is of no use: not kept while the answer is worked on.
  if (ask.token && !usable()) forgetToken(ctx, key, ask);
  const original = usable()
    ? ((await rest.get(Routes.webhookMessage(ask.applicationId, ask.token, "@original"), { auth: false }).catch((error: unknown) => {
      if (isTransient(error)) throw error; // not "there is none": tried again as a whole
      return undefined;
    })) as { id: string } | undefined)
    : undefined;
  let conversationId = ask.channelId;
  let postIn = ask.channelId;
  let replyTo = original?.id;
  let mentioned = false;
  if (!ask.whole) {
    // In a plain channel the answer has a thread: on the deferred reply, or on a short note that says what was asked.
    const anchor = original?.id ?? (await postOnce(rest, ask.channelId, lateNote(ask), `${nonceOf(ask)}.n`)).id;
    mentioned = !original;
    try {
      await startThreadOnce(rest, ask.channelId, anchor, threadName(ask.question));
      conversationId = postIn = anchor;
      replyTo = undefined;
    } catch (error) {
      if (isTransient(error)) throw error;
      conversationId = `${ask.channelId}:${anchor}`;
      replyTo = anchor;
      logger.warn(`discord: kan geen thread starten onder het antwoord op /vraag (${(error as Error).message}); latere berichten citeren het antwoord`);
    }
  }
  const reply = await ctx.core.handle({ channel: ctx.name, conversationId, userId: ask.userId, userName: ask.userName, text: ask.question, eventKey: key });
  if (original && usable()) {
    try {
      await respondByWebhook(ctx, ask, reply, conversationId, (following) => {
        // As the first process records it: a later try (a stop, a failed follow-up) then posts only what follows the answer.
        forgetToken(ctx, key, ask, { edited: true, conversationId, following });
        Object.assign(ask, { token: "", edited: true, conversationId, following });
      });
      if (conversationId === original.id) deliveries.firstTime(THREADS, original.id);
      return;
    } catch (error) {
      if (isTransient(error)) throw error;
      if (ask.edited) return finishEdited(ctx, key, ask); // the answer is in: only what follows it, where it is
      logger.warn(`discord: het uitgestelde antwoord op /vraag kon niet aangepast worden (${(error as Error).message}); het antwoord komt in het kanaal`);
    }
  }
  for (const [index, message] of renderDiscordReply(reply).entries()) {
    const mention = index === 0 && ask.inServer && !mentioned;
    const body = mention ? addressedTo(message, ask.userId) : message;
    await postOnce(rest, postIn, body, `${nonceOf(ask)}.${index}`, index === 0 ? replyTo : undefined);
  }
  if (postIn !== ask.channelId) deliveries.firstTime(THREADS, postIn);
}

/**
 * The stop came after the deferred reply was edited into the answer: what may be missing is what came
 * after it (further parts, posted where the answer is; the consent question, to the asker in a DM), once: what landed before
 * (a follow-up, or a post of an earlier try) is recorded and not posted again (answer-parts.ts). They are
 * the parts kept when the answer was composed; only a row kept by an older version, without them, asks
 * the core again.
 */
async function finishEdited(ctx: DiscordContext, key: string, ask: PendingAsk): Promise<void> {
  const conversationId = ask.conversationId ?? ask.channelId;
  const { parts, prompt } = ask.following
    ?? renderAsk(await ctx.core.handle({ channel: ctx.name, conversationId, userId: ask.userId, userName: ask.userName, text: ask.question, eventKey: key })).following;
  // In a plain channel without a thread the conversation is "channel:answer"; else its id is where to post.
  const postIn = followingPlace(ask.channelId, conversationId);
  for (const [index, message] of parts.entries()) {
    await sendPartOnce(ctx, askAnswer(ask.interactionId), index + 1, () => postFollowing(ctx, { interactionId: ask.interactionId, postIn, index }, message));
  }
  // The consent question stays the asker's own: without the interaction's token, in a DM.
  if (prompt) {
    const place = { interactionId: ask.interactionId, postIn, index: parts.length, userId: ask.userId };
    await sendPartOnce(ctx, askAnswer(ask.interactionId), parts.length + 1, () => postConsentPrivately(ctx, place, prompt));
  }
  // The answer's own thread: follow-ups there reach Vliegwiel, as the first process would have marked it.
  if (postIn !== ask.channelId) ctx.options.deliveries.firstTime(THREADS, postIn);
}

/** As the first process would have: the deferred reply becomes the answer, the consent question goes only to the asker. */
async function respondByWebhook(ctx: DiscordContext, ask: PendingAsk, reply: Reply, conversationId: string, edited: (following: Following) => void): Promise<void> {
  const rest = ctx.started().rest;
  const { first, following } = renderAsk(reply);
  const { parts, prompt } = following;
  const { applicationId, token } = ask; // the follow-ups still need it after `edited` let it go from what is kept
  await rest.patch(Routes.webhookMessage(applicationId, token, "@original"), { body: first, auth: false });
  edited(following);
  const answer = askAnswer(ask.interactionId);
  const followUp = (body: DiscordMessage & { flags?: number }) => () => rest.post(Routes.webhook(applicationId, token), { body, auth: false });
  const postIn = followingPlace(ask.channelId, conversationId);
  for (const [index, message] of parts.entries()) {
    await sendPartOnce(ctx, answer, index + 1, () => postFollowing(ctx, { interactionId: ask.interactionId, postIn, index }, message, followUp(message)));
  }
  if (prompt) await sendPartOnce(ctx, answer, parts.length + 1, followUp({ ...prompt, flags: 64 }));
}

/** Without a deferred reply to answer under: who asked what, with a mention (the answer follows in its thread). */
function lateNote(ask: PendingAsk): DiscordMessage {
  const question = ask.question.length > 300 ? `${ask.question.slice(0, 300)}…` : ask.question;
  return { content: `<@${ask.userId}> het antwoord op je /vraag duurde even. Je vroeg: “${escapeMarkdown(question)}”`, allowed_mentions: { parse: [], users: [ask.userId] } };
}

/** Discord keeps a nonce for a few minutes: a post made just before another stop comes back, not twice. */
const nonceOf = (ask: PendingAsk) => askNonce(ask.interactionId);
