import { Routes, type Message } from "discord.js";
import { threadName } from "../discord-handoff-sink.js";
import { displayName, inScope, THREADS, type DiscordContext } from "../discord-context.js";
import { renderDiscordReply } from "../render-discord-reply.js";
import { postOnce, THREAD_ALREADY_CREATED } from "../discord-effect-post.js";
import { answerFromInbox, composedOnce } from "../message-inbox.js";
import { messageAnswer, sendPartOnce } from "../answer-parts.js";
import { isTransient } from "../answer-retry.js";
import { attachmentsOf } from "../discord-attachments.js";
import { teamReply } from "./team-reply.js";

const TYPING_EVERY_MS = 8_000;

/**
 * A message: answered when it mentions Vliegwiel, is a direct message, or is in an auto-answer
 * channel or a thread Vliegwiel answered in; in a handoff thread it is a tolk's reply. `replayed`:
 * taken from the inbox after a restart (it was seen, and not answered, before the stop).
 */
export async function onMessage(ctx: DiscordContext, message: Message, replayed = false): Promise<void> {
  const { options, core } = ctx;
  const client = ctx.started();
  if (message.author.bot || message.webhookId || message.system || message.author.id === client.user?.id) return;
  if (!inScope(ctx, message.guildId)) return;
  const channel = message.channel;
  const thread = channel.isThread() ? channel : undefined;
  if (thread && options.handoffChannelId && thread.parentId === options.handoffChannelId) {
    await answerFromInbox(ctx, message, replayed, () => teamReply(ctx, message, `${thread.parentId}:${thread.id}`));
    return;
  }
  const direct = !message.guildId;
  const mentioned = !!client.user && message.mentions.users.has(client.user.id);
  // Without the Message Content intent, only mentions and direct messages carry text.
  const readsAll = options.messageContentIntent;
  const autoAnswer = readsAll && (options.autoAnswerChannelIds.includes(message.channelId) || (!!thread?.parentId && options.autoAnswerChannelIds.includes(thread.parentId)));
  const followUp = readsAll && !!thread && options.deliveries.has(THREADS, thread.id);
  if (!direct && !mentioned && !autoAnswer && !followUp) return; // other chatter is not ours
  if (!options.deliveries.firstTime(ctx.name, message.id)) return; // replayed after a resume
  await answerFromInbox(ctx, message, replayed, () => answer(ctx, message, direct, thread?.id));
}

async function answer(ctx: DiscordContext, message: Message, direct: boolean, threadId: string | undefined): Promise<void> {
  const { options, core } = ctx;
  const client = ctx.started();
  const text = message.content.replace(/<@!?\d+>/g, "").trim();

  // In a channel, answer in a thread started on the question; in a thread or DM, right there.
  let conversationChannel = direct || threadId ? message.channelId : undefined;
  if (!conversationChannel) {
    try {
      conversationChannel = (await message.startThread({ name: threadName(text), autoArchiveDuration: 1440 })).id;
    } catch (error) {
      // Started before a stop (or a failed try) cut the answer off: a thread on a message has the message's id.
      const code = (error as { code?: unknown }).code;
      if (code === THREAD_ALREADY_CREATED || code === "MessageExistingThread") conversationChannel = message.id;
      else if (isTransient(error)) throw error; // tried again as a whole (answer-retry.ts), still in a thread
      else options.logger.warn(`discord: kan geen thread starten in ${message.channelId} (${(error as Error).message}); antwoord komt in het kanaal`);
    }
  }
  const conversationId = conversationChannel ?? `${message.channelId}:${message.id}`;
  // Composed once, kept with the message in the inbox: a retry or a restart sends the same answer (message-inbox.ts).
  const parts = await composedOnce(ctx, message, async () => renderDiscordReply(await withTyping(ctx, conversationChannel ?? message.channelId, () =>
    core.handle({ channel: ctx.name, conversationId, userId: message.author.id, userName: displayName(message), text, attachments: attachmentsOf(message), eventKey: `discord:${message.id}` }),
  )));
  const rest = client.rest;
  for (const [index, rendered] of parts.entries()) {
    // A part recorded as landed is not posted again when it is answered again (after a stop, or a failed
    // try); the nonce makes one posted just before a stop, not yet recorded, come back, not twice (for minutes).
    await sendPartOnce(ctx, messageAnswer(message.id), index, () =>
      postOnce(rest, conversationChannel ?? message.channelId, rendered, `vwa${BigInt(message.id).toString(36)}.${index}`, conversationChannel || index > 0 ? undefined : message.id));
  }
  if (conversationChannel && !direct) options.deliveries.firstTime(THREADS, conversationChannel);
}

/** Shows "Vliegwiel is typing…" while the work runs (Discord shows it for ten seconds per call). */
async function withTyping<T>(ctx: DiscordContext, channelId: string, work: () => Promise<T>): Promise<T> {
  const rest = ctx.started().rest;
  const type = () => rest.post(Routes.channelTyping(channelId)).catch(() => undefined);
  void type();
  const timer = setInterval(() => void type(), TYPING_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
