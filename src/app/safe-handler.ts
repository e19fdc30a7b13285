import type { MessageHandler } from "../core/channel.js";
import { repliesIn, replyLanguage } from "../core/reply-language.js";
import type { Logger } from "../logger.js";
import { errorCode } from "../core/errors.js";

/** Wraps the core so that a failure still answers the asker, in their language (and is logged once, here). */
export function safeHandler(handle: MessageHandler, logger: Logger): MessageHandler {
  return async (message) => {
    try {
      return await handle(message);
    } catch (error) {
      logger.error("beantwoorden mislukt", { channel: message.channel, code: errorCode(error), error: (error as Error).message });
      const language = replyLanguage(message.text ?? "");
      return {
        kind: "handoff", decision: "handoff", reason: "error", text: repliesIn(language).unavailable,
        sources: [], furtherReading: [], passages: [], confidence: 0, language,
      };
    }
  };
}
