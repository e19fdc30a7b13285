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
 * What makes a reply ask a handoff's consent question: the question (prompt, in the reply's language,
 * by default the asker's), the handoff and the consent buttons. Both the reply that makes the handoff
 * and the one that asks again carry it.
 */
export function askingConsent(handoff: Handoff, language: Reply["language"] = handoff.asker.language): Pick<Reply, "kind" | "decision" | "handoffId" | "actions"> & { prompt: string } {
  return {
    kind: "handoff", decision: "handoff", prompt: consentQuestion(language, handoff),
    handoffId: handoff.id, actions: [...CONSENT_ACTIONS],
  };
}

/**
 * The consent question of a handoff still waiting for it, as a reply of its own: for a channel that
 * lost the reply that asked it (a stop after the handoff was made, before the reply was kept), so the
 * asker is asked again instead of hearing "niet gedeeld" at the time-out.
 */
export function consentQuestionReply(handoff: Handoff): Reply {
  const language = handoff.asker.language;
  const asking = askingConsent(handoff);
  return {
    ...asking, reason: "consent-waiting", text: asking.prompt,
    sources: [], furtherReading: [], passages: [], confidence: 0, ...(language ? { language } : {}),
  };
}
