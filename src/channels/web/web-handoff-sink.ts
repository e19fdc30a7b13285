import type { HandoffEffectSink } from "../../core/handoff/handoff-service.js";
import { askerNoticeText, NOTICES_SHOWN_AS_REPLY, relayText, threadOpeningText, threadPostText, type TextOptions } from "../../core/handoff/handoff-texts.js";
import type { WebMessages } from "../ports.js";

/** The conversation id under which the web team view keeps a handoff's thread. */
export const threadIdOf = (handoffId: string) => `handoff:${handoffId}`;


/**
 * Renders handoff effects for the web chat: asker notices and relayed answers go to the asker's
 * conversation, thread posts to the handoff's thread in the team view.
 */
export function createWebHandoffSink(messages: WebMessages, texts: TextOptions): HandoffEffectSink {
  return {
    async deliver({ effectId, handoff, effect }) {
      switch (effect.type) {
        case "tell_asker":
          if (NOTICES_SHOWN_AS_REPLY.has(effect.message)) return;
          messages.add(handoff.asker.conversationId, "vliegwiel", askerNoticeText(effect.message, handoff, texts), effectId);
          return;
        case "relay_to_asker":
          messages.add(handoff.asker.conversationId, texts.showHelperNames ? `mens:${effect.from.name}` : "mens:tolk", relayText(effect.from, effect.text, texts, handoff.asker.language), effectId);
          return;
        case "open_thread":
          messages.add(threadIdOf(handoff.id), "vliegwiel", threadOpeningText(handoff), effectId);
          return { threadRef: threadIdOf(handoff.id) };
        case "post_in_thread":
          // A tolk's answer from the team view's form shows as theirs, as they typed it.
          if (effect.kind === "tolk_reply") return void messages.add(threadIdOf(handoff.id), `mens:${effect.from?.name ?? "tolk"}`, effect.text ?? "", effectId);
          messages.add(threadIdOf(handoff.id), "vliegwiel", threadPostText(effect.kind, handoff, effect), effectId);
          return;
        default:
          return;
      }
    },
  };
}
