import type { HandoffRepository } from "../core/handoff/handoff-repository.js";
import type { SignalSources } from "../core/handoff/signals-for.js";
import type { SignalSectionProvider } from "../core/handoff/signal-section.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type { SqliteQuestionLog } from "../store/question-log.js";
import type { YamlRoster } from "../store/yaml-roster.js";

/**
 * The signals' sources, the same for the running app (team view, Slack, Discord) and for
 * `kennis -- signalen`: handoffs, the question log, and the regions of the roster and the documents.
 */
export function signalSourcesOf(parts: {
  repository: HandoffRepository; questionLog: SqliteQuestionLog; store: KnowledgeStore; roster: YamlRoster;
  /** Further parts of the report (the initiatievengids, introductions), in this order. */
  sections?: readonly SignalSectionProvider[];
}): SignalSources {
  return {
    handoffs: () => parts.repository.list(),
    counts: (since) => parts.questionLog.counts(since),
    knownRegions: () => [...new Set([...parts.roster.regions(), ...parts.store.listDocuments().flatMap((d) => (d.region ? d.region.split(/\s*[,/]\s*/) : []))])]
      .filter((r) => r.length >= 3 && !/^(onbekend|landelijk|nederland)$/i.test(r)),
    regionOfAsker: (userId) => parts.roster.regionOf(userId),
    stuck: () => parts.repository.stuckDeliveries(),
    sections: parts.sections,
  };
}
