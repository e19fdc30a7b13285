import type { TeamHandoff } from "../channel.js";
import type { Handoff } from "./handoff-types.js";

/** The statuses in which a question has been shared with the team (with the asker's consent). */
export const SHARED_STATUSES = ["open", "claimed", "resolved"] as const;

/** What the team may see of a handoff: nothing of who asked when the asker chose to stay anonymous. */
export function teamViewOf(handoff: Handoff): TeamHandoff {
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
    resolvedAt: handoff.resolvedAt,
  };
}
