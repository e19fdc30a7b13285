import { introButtonLabel, type IntroButton } from "../../core/introductions/introduction-texts.js";
import { buttonRow, CONTENT_LIMIT, customId, escapeMarkdown, type ButtonSpec, type DiscordMessage } from "./render-discord-reply.js";

const STYLES: Partial<Record<IntroButton, ButtonSpec["style"]>> = { intro_accept: 3, intro_share_named: 1 };

/**
 * An introduction message with its buttons (`vw:intro_accept:<introduction>`). The text is escaped;
 * only the handles Vliegwiel itself puts in place of a placeholder (`<@id>`) show as links to a
 * person, and nobody is pinged.
 */
export function introMessage(text: string, buttons: readonly IntroButton[], introductionId: string, handles: Record<string, string> = {}, language?: "en"): DiscordMessage {
  let content = escapeMarkdown(text);
  for (const [placeholder, handle] of Object.entries(handles)) content = content.split(placeholder).join(handle);
  return {
    content: content.slice(0, CONTENT_LIMIT),
    allowed_mentions: { parse: [] },
    ...(buttons.length ? { components: [buttonRow(buttons.map((b) => ({ customId: customId(b, introductionId), label: introButtonLabel(b, language), style: STYLES[b] ?? 2 })))] } : {}),
  };
}
