import type { Message } from "discord.js";
import type { DiscordContext } from "./discord-context.js";

const KEY_PREFIX = "discord:";
/** A `/vraag` in the inbox: `discord:vraag:<interaction id>` (the same platform prefix, so forgetting a person reaches it). */
export const ASK_KEY_PREFIX = `${KEY_PREFIX}vraag:`;

type MessageRef = { channelId: string; messageId: string };

/**
 * The gateway hands a message over once; a stop while it is being answered would lose it. So a
 * message to answer is written to the inbox first and marked done when its answer is out; one cut off
 * by a stop is fetched again and answered after the restart (`answerUnfinished`).
 */
export async function answerFromInbox(ctx: DiscordContext, message: Message, replayed: boolean, answer: () => Promise<void>): Promise<void> {
  return inInbox(ctx, `${KEY_PREFIX}${message.id}`, { channelId: message.channelId, messageId: message.id } satisfies MessageRef, replayed, answer);
}

/** The same for any delivery (a `/vraag`, see commands/vraag-inbox.ts): kept under `key` with `body` until answered. */
export async function inInbox(ctx: DiscordContext, key: string, body: unknown, replayed: boolean, answer: () => Promise<void>): Promise<void> {
  const { inbox } = ctx.options;
  if (!inbox) return answer();
  // Taken already (a second delivery of the same message while it is being answered): leave it.
  if (!replayed && !inbox.take(key, body)) return;
  try {
    await answer();
  } finally {
    inbox.done(key);
  }
}

/**
 * Answers the messages (and `/vraag` questions, `answerAsk`) an earlier process took but did not
 * finish, oldest first; returns how many.
 */
export async function answerUnfinished(ctx: DiscordContext, answer: (message: Message) => Promise<void>, answerAsk: (key: string, body: unknown) => Promise<void>): Promise<number> {
  const { inbox, logger, deliveries } = ctx.options;
  if (!inbox) return 0;
  const unfinished = inbox.takeUnfinished(KEY_PREFIX);
  for (const { key, body } of unfinished) {
    if (key.startsWith(ASK_KEY_PREFIX)) {
      try {
        await answerAsk(key, body);
      } catch (error) {
        logger.error(`discord: /vraag ${key.slice(ASK_KEY_PREFIX.length)} kon na de herstart niet beantwoord worden: ${(error as Error).message}`);
      } finally {
        inbox.done(key);
      }
      continue;
    }
    const ref = body as MessageRef;
    try {
      const channel = await ctx.started().channels.fetch(ref.channelId);
      if (!channel?.isTextBased()) throw new Error(`channel ${ref.channelId} is gone`);
      const message = await channel.messages.fetch(ref.messageId);
      logger.info(`discord: bericht ${ref.messageId} wordt opnieuw beantwoord (een stop onderbrak het)`);
      // It was seen before the stop: that mark must not make it look like a repeat now.
      deliveries.forget(ctx.name, ref.messageId);
      await answer(message);
    } catch (error) {
      logger.error(`discord: bericht ${ref.messageId} kon na de herstart niet beantwoord worden: ${(error as Error).message}`);
    } finally {
      // Answered, failed again, or no longer one to answer (out of scope now): never taken up again.
      inbox.done(key);
    }
  }
  return unfinished.length;
}
