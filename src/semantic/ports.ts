/** Turns texts into vectors (an OpenAI-compatible embeddings endpoint, or a fake in tests). */
export interface Embedder {
  /** Names the model and its dimensions; a change means everything is embedded again. */
  readonly model: string;
  embed(texts: readonly string[]): Promise<number[][]>;
}

/** Document metadata stored with each vector (in Pinecone, for narrowing searches there later). */
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
  query(vector: number[], topK: number): Promise<VectorMatch[]>;
  /** Number of vectors held (for `kennis -- list` and checks). */
  count(): Promise<number>;
}

/** A passage as it is embedded, with the metadata stored beside its vector. */
export type EmbeddablePassage = {
  id: string; text: string; section: string | null; title: string; documentId: string; kind: string; themes: string; region: string | null;
};

/** One passage's entry in the vector ledger: which model embedded which text, per vector index. */
export type LedgerEntry = { passage_id: string; model: string; text_hash: string };

/**
 * The passages to embed and the ledger of what was embedded where, so a sync embeds only what is new
 * or changed and resumes after an interruption. The embedded SQLite store implements it.
 */
export interface VectorLedger {
  /** Every passage, in store order. */
  passages(): EmbeddablePassage[];
  entries(target: string): LedgerEntry[];
  forget(target: string, passageIds: readonly string[]): void;
  note(target: string, model: string, items: ReadonlyArray<{ passageId: string; hash: string }>): void;
}
