import type OpenAI from "openai";
import type { Embedder } from "../../semantic/ports.js";
import { MalformedReplyError, withRetries, type RetryPolicy } from "../retry.js";

export type EmbedderOptions = {
  client: OpenAI;
  model: string;
  /** For models that can shorten their vectors (text-embedding-3-*). */
  dimensions?: number;
  retry: Pick<RetryPolicy, "budgetMs" | "attemptTimeoutMs">;
};

/** Inputs per embeddings request. */
const BATCH = 64;

/** Embeddings through an OpenAI-compatible API, in batches, each retried within the time budget. */
export class OpenAiEmbedder implements Embedder {
  readonly model: string;

  constructor(private readonly options: EmbedderOptions) {
    this.model = options.dimensions ? `${options.model}@${options.dimensions}` : options.model;
  }

  async embed(texts: readonly string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let at = 0; at < texts.length; at += BATCH) {
      const input = texts.slice(at, at + BATCH).map((t) => t.slice(0, 8000) || " ");
      vectors.push(...(await withRetries(async (timeoutMs) => {
        const response = await this.options.client.embeddings.create(
          { model: this.options.model, input, encoding_format: "float", ...(this.options.dimensions ? { dimensions: this.options.dimensions } : {}) },
          { timeout: timeoutMs, maxRetries: 0 },
        );
        const data = [...(response.data ?? [])].sort((a, b) => a.index - b.index);
        const ok = data.length === input.length && data.every((d) => Array.isArray(d.embedding) && d.embedding.length > 0 && d.embedding.length === data[0]!.embedding.length);
        if (!ok) throw new MalformedReplyError(`expected ${input.length} embeddings of one size`);
        return data.map((d) => d.embedding);
      }, this.options.retry)));
    }
    return vectors;
  }
}
