import { Routes, type REST } from "discord.js";
import type { DeliveryInput } from "../../core/handoff/handoff-service.js";
import type { DiscordMessage } from "./render-discord-reply.js";

/** Discord's error code when a thread was already started on a message. */
export const THREAD_ALREADY_CREATED = 160004;

/**
 * A nonce per effect (and piece of it) with `enforce_nonce`: Discord then returns the message it
 * already created for the same nonce instead of posting it again (for a few minutes), which covers a
 * retry after a post whose answer was lost. Longer gaps are covered by the recorded post.
 */
export function effectNonce(effectId: number, piece = 0): string {
  return `vw${effectId}.${piece}`;
}

/** Posts one piece of an effect's message, de-duplicated by its nonce. */
export async function postOnce(rest: REST, channelId: string, message: DiscordMessage, nonce: string, replyTo?: string): Promise<{ id: string }> {
  const body = { ...message, nonce, enforce_nonce: true, ...(replyTo ? { message_reference: { message_id: replyTo, fail_if_not_exists: false } } : {}) };
  return (await rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
}

/** Starts a thread on a message; one that already exists (an earlier try) is fine. */
export async function startThreadOnce(rest: REST, channelId: string, messageId: string, name: string): Promise<void> {
  try {
    await rest.post(Routes.threads(channelId, messageId), { body: { name, auto_archive_duration: 10080 } });
  } catch (error) {
    if ((error as { code?: unknown }).code !== THREAD_ALREADY_CREATED) throw error;
  }
}

/**
 * After a try that may have created the handoff's forum post (its answer lost), finds that post:
 * an active thread in the forum, by the bot, whose head carries the handoff's buttons. Forum posts
 * take no nonce, so this look-up is what keeps a second post away.
 */
export async function findForumPost(rest: REST, forumId: string, input: DeliveryInput): Promise<string | undefined> {
  if (input.posted) return input.posted;
  if (input.attempt <= 1) return undefined;
  const forum = (await rest.get(Routes.channel(forumId))) as { guild_id?: string };
  if (!forum.guild_id) return undefined;
  const { threads } = (await rest.get(Routes.guildActiveThreads(forum.guild_id))) as { threads: Array<{ id: string; parent_id?: string }> };
  for (const thread of threads.filter((t) => t.parent_id === forumId)) {
    const head = (await rest.get(Routes.channelMessage(thread.id, thread.id)).catch(() => undefined)) as { components?: unknown } | undefined;
    if (head && JSON.stringify(head.components ?? []).includes(input.handoff.id)) {
      const ref = `${forumId}:${thread.id}`;
      input.recordPost(ref);
      return ref;
    }
  }
  return undefined;
}
