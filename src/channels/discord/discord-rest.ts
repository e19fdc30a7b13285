import { Routes, type BaseMessageOptions, type REST } from "discord.js";
import type { DiscordMessage } from "./render-discord-reply.js";

/** Posts a message in a channel or thread, optionally as a reply to one of its messages. */
export async function postMessage(rest: REST, channelId: string, message: DiscordMessage, replyTo?: string): Promise<{ id: string }> {
  const body = replyTo ? { ...message, message_reference: { message_id: replyTo, fail_if_not_exists: false } } : message;
  return (await rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
}

/** The same message in discord.js's option names, for interaction replies. */
export function asReplyOptions(message: DiscordMessage): BaseMessageOptions {
  const { allowed_mentions: allowedMentions, ...rest } = message;
  // Our embeds and components are Discord's own JSON shapes, which discord.js accepts as they are.
  return { ...rest, content: rest.content ?? "", embeds: rest.embeds ?? [], components: rest.components ?? [], allowedMentions } as BaseMessageOptions;
}
