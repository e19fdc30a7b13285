/** Turns texts into vectors (an OpenAI-compatible embeddings endpoint, or a fake in tests). */
export interface Embedder {
  /** Names the model and its dimensions; a change means everything is embedded again. */
  readonly model: string;
  embed(texts: readonly string[]): Promise<number[][]>;
}

/** Document metadata a vector search can be narrowed by (any of the listed values matches). */
export type VectorFilter = { kind?: string[]; theme?: string[]; region?: string[] };

export type VectorMetadata = { documentId: string; kind: string; themes: string[]; region?: string };

export type VectorMatch = { passageId: string; score: number };

/**
 * Where passage vectors live: the embedded database (sqlite-vec) or Pinecone. Both rank by cosine
 * similarity, so the same vectors give the same ranking.
 */
export interface VectorIndex {
  /** Identifies the index (and namespace): the vector ledger is kept per target. */
  readonly target: string;
  upsert(items: ReadonlyArray<{ passageId: string; vector: number[]; metadata: VectorMetadata }>): Promise<void>;
  delete(passageIds: readonly string[]): Promise<void>;
  query(vector: number[], topK: number, filter?: VectorFilter): Promise<VectorMatch[]>;
  /** Number of vectors held (for `kennis -- list` and checks). */
  count(): Promise<number>;
}
