import type { Config } from "../config.js";
import type { GidsAccess } from "../core/gids/gids-answers.js";
import { gidsSignalSection } from "../core/gids/gids-signal-section.js";
import { GidsMatcher } from "../core/gids/initiative-matcher.js";
import type { SignalSectionProvider } from "../core/handoff/signal-section.js";
import { SqliteGidsSignals } from "../store/gids-signals.js";
import { SqliteVocabularyCache } from "../store/sqlite-vocabulary-cache.js";
import { SqliteInitiativeDirectory } from "../store/sqlite-initiative-directory.js";
import { loadGidsVocabulary } from "./gids-vocabulary.js";
import type { Knowledge } from "./open-knowledge.js";

export type Gids = {
  directory: SqliteInitiativeDirectory;
  matcher: GidsMatcher;
  /** What the assistant uses: matching, direct questions, the asker's own initiatives, what was shown. */
  access: GidsAccess;
  signals: SqliteGidsSignals;
  /** The gids's part of the signals report. */
  signalSection: SignalSectionProvider;
};

/**
 * The initiatievengids on the embedded store: profiles, a matcher with the documents' analysis (the
 * documents also tell which words are common in the field), and its signals.
 */
export function openGids(config: Config, knowledge: Knowledge): Gids {
  const directory = new SqliteInitiativeDirectory(knowledge.db);
  const matcher = new GidsMatcher(directory, loadGidsVocabulary(config.knowledgeDir, undefined, new SqliteVocabularyCache(knowledge.db)), knowledge.store);
  const signals = new SqliteGidsSignals(knowledge.db);
  return {
    directory,
    matcher,
    signals,
    access: { matcher, ownOf: (user) => directory.ofMember(user), shown: (entry) => signals.recordShown(entry) },
    signalSection: (since) => gidsSignalSection(signals.counts(since)),
  };
}
