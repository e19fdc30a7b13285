import type { DiscordContext } from "./discord-context.js";

/** The parts of long answers that landed on Discord, one record each (`<answer>.<part>`). */
const ANSWER_PARTS = "discord-answer-part";

/**
 * Sends one part of an answer unless it landed before, and records it once Discord confirmed it: a
 * later try (after a restart, or a failed call) sends only the parts not recorded. A part that landed
 * but whose confirmation was lost (or a stop came before it was recorded) is sent again: its nonce
 * makes Discord return the message it made, for a few minutes only; an interaction's follow-up (the
 * private consent question, or a part where the bot may not post) takes none and shows twice.
 */
export async function sendPartOnce(ctx: DiscordContext, answer: string, part: number, send: () => Promise<unknown>): Promise<void> {
  const { deliveries, logger } = ctx.options;
  const id = `${answer}.${part}`;
  if (deliveries.has(ANSWER_PARTS, id)) return;
  await send();
  try {
    deliveries.firstTime(ANSWER_PARTS, id);
  } catch (error) {
    // Not recorded (a full disk, a locked database): the rest of the answer still goes out; only a later try would repeat this part.
    logger.warn(`discord: deel ${part} van antwoord ${answer} is verstuurd maar niet vastgelegd (${(error as Error).message})`);
  }
}

/** A `/vraag`'s answer: part 0 is the deferred reply edited into it, then its further parts, then the consent question. */
export const askAnswer = (interactionId: string) => `vraag:${interactionId}`;

/** The answer to a message (a mention, a DM, a follow-up in a thread). */
export const messageAnswer = (messageId: string) => `bericht:${messageId}`;
