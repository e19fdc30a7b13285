import type { SemanticSearch } from "../core/ports.js";
import type { Embedder, VectorIndex } from "./ports.js";

/** Vector search for a question: embed it, then ask the vector index. */
export function createSemanticSearch(embedder: Embedder, index: VectorIndex): SemanticSearch {
  return {
    async search(question, limit) {
      const [vector] = await embedder.embed([question]);
      return index.query(vector!, limit);
    },
  };
}
