import type Database from "better-sqlite3";
import type { Config } from "../config.js";
import { ingestSources, type IngestOptions, type IngestSummary } from "../ingest/ingest-sources.js";
import { KnowledgeStore } from "../store/knowledge-store.js";
import { openDatabase } from "../store/open-database.js";
import { SqliteQuestionLog } from "../store/question-log.js";

export type Knowledge = {
  db: Database.Database;
  store: KnowledgeStore;
  questionLog: SqliteQuestionLog;
  close(): void;
};

/** Opens the embedded database with the store and the question log on it. */
export function openKnowledge(config: Config): Knowledge {
  const db = openDatabase(config.databasePath);
  return { db, store: new KnowledgeStore(db), questionLog: new SqliteQuestionLog(db), close: () => db.close() };
}

/** Brings the store in line with the knowledge folder (cheap when nothing changed: files are hashed). */
export function syncKnowledgeFolder(
  config: Config,
  store: KnowledgeStore,
  onProgress?: IngestOptions["onProgress"],
): Promise<IngestSummary> {
  return ingestSources({ store, knowledgeDir: config.knowledgeDir, maxFileBytes: config.ingestMaxFileBytes, onProgress });
}
