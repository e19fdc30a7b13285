import { Routes } from "discord.js";
import type { DiscordContext } from "../discord-context.js";
import { postOnce } from "../discord-effect-post.js";
import { isTransient } from "../answer-retry.js";
import type { DiscordMessage } from "../render-discord-reply.js";

/**
 * Where what follows a `/vraag`'s answer is posted: the answer's thread, or, without one, the channel
 * where it was asked (a conversation "channel:answer" has no thread of its own).
 */
export function followingPlace(channelId: string, conversationId: string | undefined): string {
  const conversation = conversationId ?? channelId;
  return conversation.includes(":") ? channelId : conversation;
}

/** A message addressed to the asker: their mention first, and only they are notified. */
export function addressedTo(message: DiscordMessage, userId: string): DiscordMessage {
  return { ...message, content: `<@${userId}>${message.content ? ` ${message.content}` : ""}`, allowed_mentions: { parse: [], users: [userId] } };
}

/** The nonces of one `/vraag`'s posts start alike: "vq" and the interaction's id in base 36 (Discord takes at most 25 characters). */
export function askNonce(interactionId: string): string {
  return `vq${BigInt(interactionId).toString(36)}`;
}

/** The nonce of what follows a `/vraag`'s answer, piece `index`: the same on the first try and after a restart. */
export function followingNonce(interactionId: string, index: number): string {
  return `${askNonce(interactionId)}.e${index}`;
}

/**
 * Posts one public part that follows a `/vraag`'s edited answer, as a message with a nonce and
 * `enforce_nonce` (an interaction's follow-up takes none): a repeat after a lost answer or a stop
 * before its record returns the message Discord already made. Where the bot may not post (Discord
 * refuses it), the interaction's follow-up (`followUp`, while its token lasts) carries it instead.
 */
export async function postFollowing(
  ctx: DiscordContext,
  place: { interactionId: string; postIn: string; index: number },
  message: DiscordMessage,
  followUp?: () => Promise<unknown>,
): Promise<unknown> {
  try {
    return await postOnce(ctx.started().rest, place.postIn, message, followingNonce(place.interactionId, place.index));
  } catch (error) {
    if (isTransient(error) || !followUp) throw error;
    ctx.options.logger.warn(`discord: kan het vervolg van een /vraag-antwoord niet plaatsen (${(error as Error).message}); het komt als follow-up van de opdracht`);
    return followUp();
  }
}

/**
 * The consent question of a `/vraag` whose interaction can no longer carry it privately (a restart after
 * the answer was edited: its token is gone): sent to the asker in a DM, so that, as after every `/vraag`,
 * only the asker sees it. Only where Discord refuses the DM (the asker takes none) is it posted where the
 * answer is, under a mention; its buttons answer the asker alone.
 */
export async function postConsentPrivately(
  ctx: DiscordContext,
  place: { interactionId: string; postIn: string; index: number; userId: string },
  prompt: DiscordMessage,
): Promise<unknown> {
  const rest = ctx.started().rest;
  try {
    const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: place.userId } })) as { id: string };
    return await postOnce(rest, dm.id, prompt, followingNonce(place.interactionId, place.index));
  } catch (error) {
    if (isTransient(error)) throw error;
    ctx.options.logger.warn(`discord: de vraag om toestemming kon niet per DM (${(error as Error).message}); ze komt bij het antwoord, met een vermelding`);
    return postOnce(rest, place.postIn, addressedTo(prompt, place.userId), followingNonce(place.interactionId, place.index));
  }
}
