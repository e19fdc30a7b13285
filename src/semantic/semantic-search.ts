import type { SemanticSearch } from "../core/ports.js";
import type { Embedder, VectorFilter, VectorIndex } from "./ports.js";

/** Vector search for a question: embed it, then ask the vector index (optionally narrowed by metadata). */
export function createSemanticSearch(embedder: Embedder, index: VectorIndex, filter?: VectorFilter): SemanticSearch {
  return {
    async search(question, limit) {
      const [vector] = await embedder.embed([question]);
      return index.query(vector!, limit, filter);
    },
  };
}
