import type Database from "better-sqlite3";
import type { Config } from "../config.js";
import { ingestSources, type IngestOptions, type IngestSummary } from "../ingest/ingest-sources.js";
import { createLogger, type Logger } from "../logger.js";
import { KnowledgeStore } from "../store/knowledge-store.js";
import { openDatabase } from "../store/open-database.js";
import { SqliteQuestionLog } from "../store/question-log.js";
import { openSemantic, type Semantic } from "./open-semantic.js";

export type Knowledge = {
  db: Database.Database;
  store: KnowledgeStore;
  questionLog: SqliteQuestionLog;
  /** The opt-in language model, embeddings and vector index, as configured. */
  semantic: Semantic;
  close(): void;
};

/** Opens the embedded database with the store, the question log and the configured upgrades on it. */
export function openKnowledge(config: Config, logger: Logger = createLogger(config.logLevel)): Knowledge {
  const db = openDatabase(config.databasePath);
  const store = new KnowledgeStore(db);
  const reanalyzed = store.reanalyzeIfOutdated();
  if (reanalyzed > 0) logger.info("passages analysed again after an update of the text analysis", { passages: reanalyzed });
  return {
    db,
    store,
    questionLog: new SqliteQuestionLog(db),
    semantic: openSemantic(config, db, logger),
    close: () => db.close(),
  };
}

/**
 * Brings the store in line with the knowledge folder (cheap when nothing changed: files are hashed),
 * then the vectors, when embeddings are configured.
 */
export async function syncKnowledgeFolder(config: Config, knowledge: Knowledge, onProgress?: IngestOptions["onProgress"]): Promise<IngestSummary> {
  const summary = await ingestSources({ store: knowledge.store, knowledgeDir: config.knowledgeDir, maxFileBytes: config.ingestMaxFileBytes, onProgress });
  await knowledge.semantic.refreshVectors();
  return summary;
}
