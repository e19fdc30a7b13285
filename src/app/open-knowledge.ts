import type Database from "better-sqlite3";
import type { Config } from "../config.js";
import { ANALYZER_VERSION } from "../core/text/analyzer.js";
import { dutchDictionaryVersion } from "../core/text/dutch-dictionary.js";
import { useWordMemory } from "../core/text/word-memory.js";
import type { IngestOptions, IngestSummary } from "../ingest/ingest-sources.js";
import { createLogger, type Logger } from "../logger.js";
import { KnowledgeStore } from "../store/knowledge-store.js";
import { openDatabase } from "../store/open-database.js";
import { SqliteQuestionLog } from "../store/question-log.js";
import { SqliteWordMemory } from "../store/sqlite-word-memory.js";
import type { Semantic } from "./open-semantic.js";

/** Opens the opt-in upgrades on the database (open-semantic.ts); its modules are loaded only when configured. */
export type OpenSemantic = (config: Config, db: Database.Database, logger: Logger) => Semantic;

export type Knowledge = {
  db: Database.Database;
  store: KnowledgeStore;
  questionLog: SqliteQuestionLog;
  /** The opt-in language model, embeddings and vector index, as configured. */
  semantic: Semantic;
  close(): void;
};

/**
 * Opens the embedded database with the store, the question log and the configured upgrades on it.
 * The language-model and vector modules (some hundreds of milliseconds to load) are loaded only
 * when `.env` switches them on, so a command on the offline default starts at once.
 */
export async function openKnowledge(config: Config, logger: Logger = createLogger(config)): Promise<Knowledge> {
  const open: OpenSemantic = config.openai ? (await import("./open-semantic.js")).openSemantic : offlineSemantic;
  return openKnowledgeWith(config, open, logger);
}

/** The same, synchronously, for a caller that has the upgrades' opener at hand (the long-running app). */
export function openKnowledgeWith(config: Config, openSemantic: OpenSemantic, logger: Logger = createLogger(config)): Knowledge {
  const db = openDatabase(config.databasePath);
  // What the Dutch word list said is kept beside the knowledge, so answering needs no word list.
  useWordMemory(new SqliteWordMemory(db, `${ANALYZER_VERSION}:${dutchDictionaryVersion()}`));
  const store = new KnowledgeStore(db);
  const reanalyzed = store.reanalyzeIfOutdated();
  if (reanalyzed > 0) logger.info("passages opnieuw geanalyseerd na een update van de tekstanalyse", { passages: reanalyzed });
  return {
    db,
    store,
    questionLog: new SqliteQuestionLog(db),
    // The model's and the vector store's errors may repeat a key: a logger made from the config hides it.
    semantic: openSemantic(config, db, logger),
    close: () => {
      useWordMemory();
      db.close();
    },
  };
}

/**
 * Brings the store in line with the knowledge folder (cheap when nothing changed: files are hashed),
 * then the vectors, when embeddings are configured.
 */
export async function syncKnowledgeFolder(config: Config, knowledge: Knowledge, onProgress?: IngestOptions["onProgress"]): Promise<IngestSummary> {
  const { ingestSources } = await import("../ingest/ingest-sources.js");
  const summary = await ingestSources({ store: knowledge.store, knowledgeDir: config.knowledgeDir, maxFileBytes: config.ingestMaxFileBytes, onProgress });
  await knowledge.semantic.refreshVectors();
  return summary;
}

/** No language model, no vectors: BM25 and extractive answers (the label is Dutch: the start logs it). */
function offlineSemantic(): Semantic {
  return { mode: "BM25 + citaten uit de documenten", refreshVectors: async () => undefined };
}
