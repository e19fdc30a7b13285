import { consentFromText } from "./consent-answer.js";
import type { HandoffRepository } from "./handoff/handoff-repository.js";
import { foldDiacritics } from "./text/fold.js";

/** Words that say yes to sharing outright (not an acknowledgement such as "ok" or "prima"). */
const SAYS_YES = /(^|[^\p{L}])(ja|jawel|jazeker|yes|anoniem|anonymous|deel|delen|doorgeven|geef|share)([^\p{L}]|$)/u;

export type LateConsent = { text: "consentDeclinedEarlier" | "consentExpiredEarlier"; handoffId: string; language?: "en" };

/**
 * A "ja" or "anoniem" when no consent question waits, after the asker's last question for a person
 * in this conversation was declined or its time to choose ran out: which of the two, so the reply
 * says nothing was passed on and how to ask again (not "graag gedaan"). Undefined otherwise.
 */
export function lateConsent(repository: Pick<HandoffRepository, "latestByAsker">, message: { channel: string; conversationId: string; userId: string; text: string }): LateConsent | undefined {
  const choice = consentFromText(message.text);
  if ((choice !== "share" && choice !== "share_anonymous") || !SAYS_YES.test(foldDiacritics(message.text).toLowerCase())) return undefined;
  const last = repository.latestByAsker(message.channel, message.conversationId);
  if (!last || last.asker.userId !== message.userId || (last.status !== "declined" && last.status !== "expired")) return undefined;
  return { text: last.status === "declined" ? "consentDeclinedEarlier" : "consentExpiredEarlier", handoffId: last.id, ...(last.asker.language ? { language: last.asker.language } : {}) };
}
