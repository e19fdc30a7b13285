import { askerNoticeText } from "./handoff/handoff-texts.js";
import type { Handoff } from "./handoff/handoff-types.js";
import { repliesIn } from "./reply-language.js";
import type { Reply } from "./reply.js";

/** The buttons under a consent question. */
export const CONSENT_ACTIONS = ["share", "share_anonymous", "dont_share"] as const;

/** The consent question, in the asker's language. */
export function consentQuestion(language: Reply["language"], handoff: Handoff): string {
  return language === "en" ? repliesIn("en").consentRequest : askerNoticeText("consent_request", handoff);
}

/**
 * The consent question of a handoff still waiting for it, as a reply of its own: for a channel that
 * lost the reply that asked it (a stop after the handoff was made, before the reply was kept), so the
 * asker is asked again instead of hearing "niet gedeeld" at the time-out.
 */
export function consentQuestionReply(handoff: Handoff): Reply {
  const language = handoff.asker.language;
  const prompt = consentQuestion(language, handoff);
  return {
    kind: "handoff", decision: "handoff", reason: "consent-waiting", text: prompt, prompt,
    sources: [], furtherReading: [], passages: [], confidence: 0,
    handoffId: handoff.id, actions: [...CONSENT_ACTIONS], ...(language ? { language } : {}),
  };
}
