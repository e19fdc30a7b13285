import type { KnowledgeIndex, SemanticSearch } from "../ports.js";
import type { SearchHit } from "../types.js";
import { retrieve, type Retrieval, type RetrieveOptions } from "./retrieve.js";

/** Candidates taken from each ranking before fusion. */
const CANDIDATES = 30;
/** The usual constant of reciprocal rank fusion: damps the head of each list. */
const RRF_K = 60;

/**
 * Reciprocal rank fusion: each list adds 1 / (k + rank) for the ids it holds. Needs no score
 * calibration between BM25 and cosine similarity, only their orders.
 */
export function reciprocalRankFusion(rankings: ReadonlyArray<readonly string[]>, k = RRF_K): Array<{ id: string; score: number }> {
  const scores = new Map<string, number>();
  for (const ranking of rankings) {
    ranking.forEach((id, index) => scores.set(id, (scores.get(id) ?? 0) + 1 / (k + index + 1)));
  }
  return [...scores].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

export type HybridRetrieval = Retrieval & { semantic: "used" | "failed" | "off"; failure?: string };

/**
 * BM25 and vector search, fused. When the semantic side fails (provider down, Pinecone unreachable),
 * the BM25 ranking stands alone and the caller is told, so the asker still gets an answer.
 */
export async function hybridRetrieve(index: KnowledgeIndex, semantic: SemanticSearch | undefined, question: string, limit: number, options: RetrieveOptions = {}): Promise<HybridRetrieval> {
  if (!semantic) return { ...retrieve(index, question, limit, options), semantic: "off" };
  const lexical = retrieve(index, question, Math.max(limit, CANDIDATES), options);
  let matches: Array<{ passageId: string }>;
  try {
    matches = await semantic.search(question, Math.max(limit, CANDIDATES));
  } catch (error) {
    return { ...lexical, hits: lexical.hits.slice(0, limit), semantic: "failed", failure: (error as Error).message };
  }
  const fused = reciprocalRankFusion([lexical.hits.map((h) => h.passage.id), matches.map((m) => m.passageId)]).slice(0, limit);
  const known = new Map(lexical.hits.map((hit) => [hit.passage.id, hit]));
  const missing = index.hitsByIds(fused.filter((f) => !known.has(f.id)).map((f) => f.id));
  for (const hit of missing) known.set(hit.passage.id, hit);
  const hits: SearchHit[] = fused.flatMap((f) => {
    const hit = known.get(f.id);
    return hit ? [{ ...hit, score: f.score }] : []; // a vector of a passage since removed is skipped
  });
  return { ...lexical, hits, semantic: "used" };
}
