import type { IntroductionEffectSink } from "../../core/introductions/introduction-service.js";
import { INTRO_NOTICES_SHOWN_AS_REPLY, introEffectText } from "../../core/introductions/introduction-texts.js";
import type { WebMessages } from "../ports.js";

/**
 * Introduction notices for an asker in the web chat, in their conversation. (A contact is always on
 * Slack or Discord: a request must reach them privately.) Stored under the negative effect id, so
 * they never collide with handoff messages and are stored once however often delivered.
 */
export function createWebIntroSink(messages: WebMessages): IntroductionEffectSink {
  return {
    async deliver({ effectId, intro, effect }) {
      // The web chat shows text only: the follow-up question with its buttons is for Slack and Discord.
      if (effect.type !== "tell_asker" || INTRO_NOTICES_SHOWN_AS_REPLY.has(effect.message)) return;
      const text = introEffectText(intro, effect);
      if (text) messages.add(intro.asker.conversationId, "vliegwiel", text, -effectId);
    },
  };
}
