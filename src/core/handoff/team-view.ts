import type { TeamHandoff } from "../channel.js";
import type { StuckDelivery } from "./handoff-repository.js";
import type { Handoff } from "./handoff-types.js";
import { stuckText } from "./handoff-texts.js";

/** The statuses in which a question has been shared with the team (with the asker's consent). */
export const SHARED_STATUSES = ["open", "claimed", "resolved"] as const;

/** What the team may see of a handoff: nothing of who asked when the asker chose to stay anonymous. */
export function teamViewOf(handoff: Handoff, stuck: readonly StuckDelivery[] = []): TeamHandoff {
  const own = stuck.filter((s) => s.handoffId === handoff.id).map(stuckText);
  return {
    id: handoff.id,
    status: handoff.status,
    question: handoff.question,
    askerName: handoff.sharing === "anonymous" ? "anoniem" : handoff.asker.name,
    askedVia: handoff.asker.channel,
    theme: handoff.theme,
    findings: handoff.findings,
    claimedBy: handoff.claimedBy,
    openedAt: handoff.openedAt,
    ...(own.length ? { stuck: own } : {}),
    resolvedAt: handoff.resolvedAt,
  };
}
