import { introButtonLabel, type IntroButton } from "../../core/introductions/introduction-texts.js";
import { chunk } from "../split-text.js";
import { buttonRow, CONTENT_LIMIT, customId, escapeMarkdown, type ButtonSpec, type DiscordMessage } from "./render-discord-reply.js";

const STYLES: Partial<Record<IntroButton, ButtonSpec["style"]>> = { intro_accept: 3, intro_share_named: 1 };

/**
 * An introduction's text as messages with its buttons (`vw:intro_accept:<introduction>`) under the
 * last: within Discord's 2000 characters each, in order, nothing cut. The text is escaped; only the
 * handles Vliegwiel itself puts in place of a placeholder (`<@id>`) show as links to a person, and
 * nobody is pinged.
 */
export function introMessages(text: string, buttons: readonly IntroButton[], introductionId: string, handles: Record<string, string> = {}, language?: "en"): DiscordMessage[] {
  let content = escapeMarkdown(text);
  for (const [placeholder, handle] of Object.entries(handles)) content = content.split(placeholder).join(handle);
  const pieces = chunk(content, CONTENT_LIMIT);
  if (pieces.length === 0) pieces.push("");
  const row = buttons.length ? { components: [buttonRow(buttons.map((b) => ({ customId: customId(b, introductionId), label: introButtonLabel(b, language), style: STYLES[b] ?? 2 })))] } : {};
  return pieces.map((piece, i) => ({ content: piece, allowed_mentions: { parse: [] }, ...(i === pieces.length - 1 ? row : {}) }));
}
