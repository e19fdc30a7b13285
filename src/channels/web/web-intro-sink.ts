import type { IntroductionEffectSink } from "../../core/introductions/introduction-service.js";
import { INTRO_NOTICES_SHOWN_AS_REPLY, introButtonLabel, introEffectButtons, introEffectLanguage, introEffectText } from "../../core/introductions/introduction-texts.js";
import type { WebMessages } from "../ports.js";

/** The feed author of an introduction message with buttons (its text is JSON: text, introduction, buttons and labels). */
export const INTRO_AUTHOR = "kennismaking";

/**
 * Introduction notices for an asker in the web chat, in their conversation; the follow-up question
 * comes with its buttons. (A contact is always on Slack or Discord: a request must reach them
 * privately.) Stored under the negative effect id, so they never collide with handoff messages and
 * are stored once however often delivered.
 */
export function createWebIntroSink(messages: WebMessages): IntroductionEffectSink {
  return {
    async deliver({ effectId, intro, effect }) {
      if (effect.type === "ask_helped" && effect.to === "asker") {
        const language = introEffectLanguage(intro, effect);
        const buttons = introEffectButtons(effect);
        const text = introEffectText(intro, effect)!;
        const labels = Object.fromEntries(buttons.map((b) => [b, introButtonLabel(b, language)]));
        messages.add(intro.asker.conversationId, INTRO_AUTHOR, JSON.stringify({ text, introductionId: intro.id, buttons, labels }), -effectId);
        return;
      }
      if (effect.type !== "tell_asker" || INTRO_NOTICES_SHOWN_AS_REPLY.has(effect.message)) return;
      const text = introEffectText(intro, effect);
      if (text) messages.add(intro.asker.conversationId, "vliegwiel", text, -effectId);
    },
  };
}
