import type Database from "better-sqlite3";
import OpenAI from "openai";
import path from "node:path";
import type { Config } from "../config.js";
import type { AnswerGenerator, SemanticSearch } from "../core/ports.js";
import type { Logger } from "../logger.js";
import { OpenAiAnswerGenerator } from "../providers/openai/openai-answer-generator.js";
import { OpenAiEmbedder } from "../providers/openai/openai-embedder.js";
import { PineconeVectorIndex } from "../providers/pinecone/pinecone-vector-index.js";
import type { Embedder, VectorIndex } from "../semantic/ports.js";
import { createSemanticSearch } from "../semantic/semantic-search.js";
import { syncVectors, type VectorSyncSummary } from "../semantic/sync-vectors.js";
import { SqliteModelUsage } from "../store/model-usage.js";
import { SqliteVectorIndex } from "../store/sqlite-vector-index.js";
import { SqliteVectorLedger } from "../store/sqlite-vector-ledger.js";

export const PROMPTS_DIR = path.resolve(import.meta.dirname, "../../prompts");

/** The opt-in upgrades, as configured: a language model, embeddings and a vector index. */
export type Semantic = {
  /** How it answers, in Dutch (logged at start, shown by eval): "BM25 + citaten uit de documenten", or e.g. "hybride zoeken (…) + antwoorden van een taalmodel (gpt-4o-mini)". */
  mode: string;
  search?: SemanticSearch;
  generator?: AnswerGenerator;
  vectors?: { embedder: Embedder; index: VectorIndex };
  /** Embeds new and changed passages and deletes removed ones; a failure is logged, not thrown. */
  refreshVectors(onProgress?: (done: number, total: number) => void): Promise<VectorSyncSummary | undefined>;
};

export function openSemantic(config: Config, db: Database.Database, logger: Logger): Semantic {
  const openai = config.openai;
  const log = logger.child({ component: "model" });
  const client = openai ? new OpenAI({ apiKey: openai.apiKey, ...(openai.baseUrl ? { baseURL: openai.baseUrl } : {}), maxRetries: 0, timeout: openai.timeoutMs }) : undefined;
  const generator = client && openai?.chatModel
    ? new OpenAiAnswerGenerator({
        client, model: openai.chatModel, promptsDir: PROMPTS_DIR, timeoutMs: openai.timeoutMs, budgetMs: openai.budgetMs,
        usage: new SqliteModelUsage(db), dailyTokensPerUser: openai.dailyTokensPerUser, dailyTokens: openai.dailyTokens, logger: log,
      })
    : undefined;
  let vectors: Semantic["vectors"];
  if (client && openai?.embeddingModel) {
    const embedder = new OpenAiEmbedder({ client, model: openai.embeddingModel, dimensions: openai.embeddingDimensions, retry: { budgetMs: openai.budgetMs, attemptTimeoutMs: openai.timeoutMs } });
    const index: VectorIndex = config.pinecone ? new PineconeVectorIndex(config.pinecone) : new SqliteVectorIndex(db);
    vectors = { embedder, index };
  }
  const retrieval = vectors ? `hybride zoeken (BM25 + ${config.pinecone ? "Pinecone" : "vectoren in de database"}, ${vectors.embedder.model})` : "BM25";
  return {
    mode: `${retrieval} + ${generator ? `antwoorden van een taalmodel (${openai!.chatModel})` : "citaten uit de documenten"}`,
    generator,
    vectors,
    search: vectors ? createSemanticSearch(vectors.embedder, vectors.index) : undefined,
    async refreshVectors(onProgress) {
      if (!vectors) return undefined;
      try {
        const summary = await syncVectors({ ledger: new SqliteVectorLedger(db), embedder: vectors.embedder, index: vectors.index, onProgress });
        if (summary.embedded || summary.deleted) log.info(`vectoren: ${summary.embedded} berekend, ${summary.deleted} verwijderd, ${summary.unchanged} ongewijzigd (${vectors.index.target})`);
        return summary;
      } catch (error) {
        log.warn(`vectoren niet bijgewerkt (${(error as Error).message}); de volgende keer inlezen gaat verder waar deze stopte`);
        return undefined;
      }
    },
  };
}
