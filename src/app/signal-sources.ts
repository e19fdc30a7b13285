import type Database from "better-sqlite3";
import { ownInitiativeRegion } from "../core/gids/signal-region.js";
import type { HandoffRepository } from "../core/handoff/handoff-repository.js";
import type { SignalSources } from "../core/handoff/signals-for.js";
import { introductionSection } from "../core/introductions/introduction-signals.js";
import { lessonSection } from "../core/introductions/lesson-signals.js";
import type { KnowledgeStore } from "../store/knowledge-store.js";
import type { SqliteQuestionLog } from "../store/question-log.js";
import { SqliteIntroductionRepository } from "../store/sqlite-introduction-repository.js";
import { SqliteLessonRepository } from "../store/sqlite-lesson-repository.js";
import type { YamlRoster } from "../store/yaml-roster.js";
import type { Gids } from "./open-gids.js";

/**
 * The signals' sources, the same for the running app (team view, Slack, Discord) and for
 * `kennis -- signalen`: handoffs, the question log, the regions of the roster, the gids and the
 * documents, and the report's further parts (the initiatievengids, introductions, their lessons).
 */
export function signalSourcesOf(parts: {
  db: Database.Database; repository: HandoffRepository; questionLog: SqliteQuestionLog; store: KnowledgeStore; roster: YamlRoster; gids: Gids;
}): SignalSources {
  const { directory } = parts.gids;
  return {
    handoffs: () => parts.repository.list(),
    counts: (since) => parts.questionLog.counts(since),
    knownRegions: () => [...new Set([
      ...parts.roster.regions(),
      ...directory.list().flatMap((p) => [p.municipality, p.province].filter((r): r is string => !!r)),
      ...parts.store.listDocuments().flatMap((d) => (d.region ? d.region.split(/\s*[,/]\s*/) : [])),
    ])].filter((r) => r.length >= 3 && !/^(onbekend|landelijk|nederland)$/i.test(r)),
    regionOfAsker: (asker) => parts.roster.regionOf(asker.userId) ?? ownInitiativeRegion(directory, { platform: asker.channel, userId: asker.userId }),
    stuck: () => parts.repository.stuckDeliveries(),
    sections: [parts.gids.signalSection, introductionSection(new SqliteIntroductionRepository(parts.db)), lessonSection(new SqliteLessonRepository(parts.db))],
  };
}
