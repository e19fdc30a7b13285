import crypto from "node:crypto";
import type { EmbeddablePassage, Embedder, VectorIndex, VectorLedger } from "./ports.js";

export type VectorSyncSummary = { embedded: number; deleted: number; unchanged: number };

/** Passages embedded and upserted per step; each step is recorded, so an interrupted run resumes. */
const STEP = 64;

/**
 * Brings the vector index in line with the passages: only new or changed passages are embedded (the
 * ledger in SQLite remembers model and text per target), vectors of removed passages are deleted.
 */
export async function syncVectors(input: {
  ledger: VectorLedger;
  embedder: Embedder;
  index: VectorIndex;
  onProgress?: (done: number, total: number) => void;
}): Promise<VectorSyncSummary> {
  const { embedder, index } = input;
  const ledger = new Map(input.ledger.entries(index.target).map((row) => [row.passage_id, row]));
  const passages = input.ledger.passages();
  const present = new Set(passages.map((p) => p.id));
  const stale = [...ledger.keys()].filter((id) => !present.has(id));
  if (stale.length) {
    await index.delete(stale);
    input.ledger.forget(index.target, stale);
  }
  const todo = passages
    .map((p) => ({ passage: p, content: embeddingText(p) }))
    // The metadata is part of what is stored with a vector (filters), so a change re-sends it.
    .map((item) => ({ ...item, hash: sha256(`${item.content}\u0000${item.passage.kind}\u0000${item.passage.themes}\u0000${item.passage.region ?? ""}`) }))
    .filter(({ passage, hash }) => {
      const known = ledger.get(passage.id);
      return !known || known.model !== embedder.model || known.text_hash !== hash;
    });
  for (let at = 0; at < todo.length; at += STEP) {
    const step = todo.slice(at, at + STEP);
    const vectors = await embedder.embed(step.map((s) => s.content));
    await index.upsert(step.map(({ passage }, i) => ({
      passageId: passage.id,
      vector: vectors[i]!,
      metadata: { documentId: passage.documentId, kind: passage.kind, themes: JSON.parse(passage.themes) as string[], region: passage.region ?? undefined },
    })));
    input.ledger.note(index.target, embedder.model, step.map(({ passage, hash }) => ({ passageId: passage.id, hash })));
    input.onProgress?.(Math.min(at + STEP, todo.length), todo.length);
  }
  return { embedded: todo.length, deleted: stale.length, unchanged: passages.length - todo.length };
}

/** What is embedded for a passage: its text with the document title and section for context. */
function embeddingText(p: EmbeddablePassage): string {
  return `${p.title}${p.section ? ` — ${p.section}` : ""}\n${p.text}`;
}

function sha256(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}
