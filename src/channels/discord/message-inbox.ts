import type { Message } from "discord.js";
import { KeptForNextStart, retryTransient } from "./answer-retry.js";
import type { DiscordContext } from "./discord-context.js";
import type { DiscordMessage } from "./render-discord-reply.js";

const KEY_PREFIX = "discord:";
/** A `/vraag` in the inbox: `discord:vraag:<interaction id>` (the same platform prefix, so forgetting a person reaches it). */
export const ASK_KEY_PREFIX = `${KEY_PREFIX}vraag:`;

/** A message kept in the inbox: where it is, and once its answer is composed, that answer's parts. */
type MessageRef = { channelId: string; messageId: string; parts?: DiscordMessage[] };

const messageKey = (messageId: string) => `${KEY_PREFIX}${messageId}`;
/** Who wrote it, kept with its row (not in the body): forgetting them finds the answer composed for them. */
const authorOf = (message: Message) => `${KEY_PREFIX}${message.author.id}`;

/**
 * The parts of a message's answer as first composed, kept in its inbox row until it is answered: a
 * retry or a restart sends those not yet confirmed (answer-parts.ts), never a new answer, which a
 * language model may word and split otherwise (parts of two answers would mix). The first try composes
 * them and keeps them before any goes out. Without an inbox, the answer is composed each time.
 */
export async function composedOnce(ctx: DiscordContext, message: Message, compose: () => Promise<DiscordMessage[]>): Promise<DiscordMessage[]> {
  const { inbox } = ctx.options;
  const kept = inbox?.kept(messageKey(message.id)) as MessageRef | undefined;
  if (kept?.parts) return kept.parts;
  const parts = await compose();
  inbox?.rewrite(messageKey(message.id), { channelId: message.channelId, messageId: message.id, parts } satisfies MessageRef, authorOf(message));
  return parts;
}

/**
 * The gateway hands a message over once; a stop while it is being answered would lose it. So a
 * message to answer is written to the inbox first and marked done when its answer is out; one cut off
 * by a stop is fetched again and answered after the restart (`answerUnfinished`).
 */
export async function answerFromInbox(ctx: DiscordContext, message: Message, replayed: boolean, answer: () => Promise<void>): Promise<void> {
  const body: MessageRef = { channelId: message.channelId, messageId: message.id };
  return inInbox(ctx, { key: messageKey(message.id), body, person: authorOf(message) }, replayed, answer);
}

/**
 * The same for any delivery (a `/vraag`, see commands/vraag-inbox.ts): kept under `key` with `body`
 * (and who it is from, `person`, "discord:<user id>", when the body does not name them) until answered. A call to Discord that fails for network trouble (a connection closed or reset, a
 * time-out, a 5xx) does not lose the answer: `again` (by default `answer` itself; it must be safe to
 * repeat) is tried with growing pauses, and still failing it stays in the inbox for the next start
 * (KeptForNextStart). Only a refusal (4xx) ends it, logged by the caller.
 */
export async function inInbox(ctx: DiscordContext, entry: { key: string; body: unknown; person?: string }, replayed: boolean, answer: () => Promise<void>, again = answer): Promise<void> {
  const { inbox } = ctx.options;
  const { key } = entry;
  // Taken already (a second delivery of the same message while it is being answered): leave it.
  if (inbox && !replayed && !inbox.take(key, entry.body, entry.person)) return;
  try {
    await retryTransient(`het antwoord op ${key}`, answer, again, { logger: ctx.options.logger, stopped: () => stopped(ctx) });
  } catch (error) {
    if (!(error instanceof KeptForNextStart)) inbox?.done(key);
    throw error;
  }
  inbox?.done(key);
}

/** The channel was stopped (an answer still waiting is then left for the next start). */
function stopped(ctx: DiscordContext): boolean {
  try {
    ctx.started();
    return false;
  } catch {
    return true;
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
    // Answered, refused, or no longer one to answer (out of scope now): never taken up again. Only
    // network trouble that outlasted every retry (KeptForNextStart) leaves it for the next start.
    let kept = false;
    if (key.startsWith(ASK_KEY_PREFIX)) {
      try {
        // A second try after a failure answers it the same way (nonces, the thread reused).
        const ask = () => answerAsk(key, body);
        await retryTransient(`het antwoord op ${key}`, ask, ask, { logger, stopped: () => stopped(ctx) });
      } catch (error) {
        kept = error instanceof KeptForNextStart;
        logger.error(`discord: /vraag ${key.slice(ASK_KEY_PREFIX.length)} kon na de herstart niet beantwoord worden: ${(error as Error).message}`);
      } finally {
        if (!kept) inbox.done(key);
      }
      continue;
    }
    const ref = body as MessageRef;
    try {
      let message: Message | undefined;
      const fetch = async () => {
        const channel = await ctx.started().channels.fetch(ref.channelId);
        if (!channel?.isTextBased()) throw new Error(`channel ${ref.channelId} is gone`);
        message = await channel.messages.fetch(ref.messageId);
      };
      await retryTransient(`het ophalen van bericht ${ref.messageId}`, fetch, fetch, { logger, stopped: () => stopped(ctx) });
      logger.info(`discord: bericht ${ref.messageId} wordt opnieuw beantwoord (een stop onderbrak het)`);
      // Who wrote it is known now: a row an older version kept without it can be forgotten from here on.
      inbox.rewrite(key, ref, authorOf(message!));
      // It was seen before the stop: that mark must not make it look like a repeat now.
      deliveries.forget(ctx.name, ref.messageId);
      // Retried within (inInbox), which also marks it done.
      await answer(message!);
    } catch (error) {
      kept = error instanceof KeptForNextStart;
      logger.error(`discord: bericht ${ref.messageId} kon na de herstart niet beantwoord worden: ${(error as Error).message}`);
    } finally {
      if (!kept) inbox.done(key);
    }
  }
  return unfinished.length;
}
