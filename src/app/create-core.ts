import type { Config } from "../config.js";
import { createAssistant, type Assistant } from "../core/assistant.js";
import { loadVocabulary } from "../ingest/vocabulary-files.js";
import type { Logger } from "../logger.js";
import { SqliteVocabularyCache } from "../store/sqlite-vocabulary-cache.js";
import type { Knowledge } from "./open-knowledge.js";
import type { GidsAccess } from "../core/gids/gids-answers.js";

export interface CoreOptions {
  logger?: Logger;
  /** The initiatievengids, for matching in answers and direct questions about initiatives. */
  gids?: GidsAccess;
  /**
   * npm run eval: its questions are not kept in the question log, so they never show in `onbeantwoord`
   * or the signals as if someone had asked them.
   */
  measureOnly?: boolean;
}

/** The assistant wired to the embedded store and the configured upgrades, as every entry point uses it. */
export function createCore(config: Config, knowledge: Knowledge, { logger, gids, measureOnly = false }: CoreOptions = {}): Assistant {
  return createAssistant({
    index: knowledge.store,
    questionLog: measureOnly ? undefined : knowledge.questionLog,
    maxQuestionChars: config.maxQuestionChars,
    minConfidence: config.answerMinConfidence,
    semantic: knowledge.semantic.search,
    generator: knowledge.semantic.generator,
    vocabulary: loadVocabulary(config.knowledgeDir, new SqliteVocabularyCache(knowledge.db)),
    warn: logger ? (message) => logger.warn(message) : undefined,
    gids,
  });
}
