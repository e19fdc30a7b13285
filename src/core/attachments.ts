import { CHANNEL_NL } from "./channel-texts-nl.js";

/** A file sent with a message: shown to the other side as its name and link. */
export type Attachment = { name: string; url: string };

/** A message's text with its files as lines "Bijlage: name (link)", so a relay carries them. */
export function withAttachments(text: string, attachments: readonly Attachment[] | undefined): string {
  const lines = (attachments ?? []).map((a) => CHANNEL_NL.attachment(a.name, a.url));
  return [text.trim(), ...lines].filter(Boolean).join("\n");
}
