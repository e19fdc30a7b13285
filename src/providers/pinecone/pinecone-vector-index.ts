import { Pinecone, type Index, type RecordMetadata } from "@pinecone-database/pinecone";
import type { VectorIndex, VectorMatch, VectorMetadata } from "../../semantic/ports.js";

export type PineconeOptions = {
  apiKey: string;
  index: string;
  /** The index's data-plane host; without it the client looks it up by name. */
  host?: string;
  /** One namespace per knowledge base. */
  namespace: string;
  /** Per request; a slow Pinecone falls back to local retrieval instead of keeping the asker waiting. */
  timeoutMs: number;
};

/** Pinecone takes at most this many vectors per upsert (and ids per delete). */
const BATCH = 100;

/**
 * Pinecone as the vector store, for networks that outgrow one machine. Metadata (kind, themes,
 * region; lower-cased) is stored with each vector so filters run in Pinecone. Cosine indexes give the
 * same ranking as the embedded index for the same vectors.
 */
export class PineconeVectorIndex implements VectorIndex {
  readonly target: string;
  private readonly index: Index<RecordMetadata>;
  private readonly namespace: string;

  constructor(options: PineconeOptions) {
    this.target = `pinecone:${options.index}/${options.namespace}`;
    this.namespace = options.namespace;
    const timed: typeof fetch = (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(options.timeoutMs) });
    const client = new Pinecone({ apiKey: options.apiKey, fetchApi: timed });
    this.index = client.index({ name: options.index, ...(options.host ? { host: options.host } : {}), namespace: options.namespace });
  }

  async upsert(items: ReadonlyArray<{ passageId: string; vector: number[]; metadata: VectorMetadata }>): Promise<void> {
    for (let at = 0; at < items.length; at += BATCH) {
      const records = items.slice(at, at + BATCH).map((item) => ({
        id: item.passageId,
        values: item.vector,
        metadata: {
          documentId: item.metadata.documentId,
          kind: item.metadata.kind.toLowerCase(),
          themes: item.metadata.themes.map((t) => t.toLowerCase()),
          ...(item.metadata.region ? { region: item.metadata.region.toLowerCase() } : {}),
        },
      }));
      await this.index.upsert({ records });
    }
  }

  async delete(passageIds: readonly string[]): Promise<void> {
    for (let at = 0; at < passageIds.length; at += BATCH) {
      await this.index.deleteMany({ ids: passageIds.slice(at, at + BATCH) });
    }
  }

  async query(vector: number[], topK: number): Promise<VectorMatch[]> {
    const result = await this.index.query({ vector, topK, includeMetadata: false, includeValues: false });
    return (result.matches ?? []).map((match) => ({ passageId: match.id, score: match.score ?? 0 }));
  }

  async count(): Promise<number> {
    const stats = await this.index.describeIndexStats();
    return stats.namespaces?.[this.namespace]?.recordCount ?? 0;
  }
}
