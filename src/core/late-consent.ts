import { sharesOutright } from "./consent-answer.js";
import type { HandoffRepository } from "./handoff/handoff-repository.js";

export type LateConsent = { text: "consentDeclinedEarlier" | "consentExpiredEarlier"; handoffId: string; language?: "en" };

/**
 * A "ja" or "anoniem" when no consent question waits, after the asker's last question for a person
 * in this conversation was declined or its time to choose ran out: which of the two, so the reply
 * says nothing was passed on and how to ask again (not "graag gedaan"). Undefined otherwise.
 */
export function lateConsent(repository: Pick<HandoffRepository, "latestByAsker">, message: { channel: string; conversationId: string; userId: string; text: string }): LateConsent | undefined {
  if (!sharesOutright(message.text)) return undefined;
  const last = repository.latestByAsker(message.channel, message.conversationId);
  if (!last || last.asker.userId !== message.userId || (last.status !== "declined" && last.status !== "expired")) return undefined;
  return { text: last.status === "declined" ? "consentDeclinedEarlier" : "consentExpiredEarlier", handoffId: last.id, ...(last.asker.language ? { language: last.asker.language } : {}) };
}
