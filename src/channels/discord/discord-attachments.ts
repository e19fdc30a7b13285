import type { Message } from "discord.js";
import type { Attachment } from "../../core/attachments.js";

/** A message's attachments as name and link. */
export function attachmentsOf(message: Message): Attachment[] {
  return [...message.attachments.values()].map((a) => ({ name: a.name, url: a.url }));
}
