import crypto from "node:crypto";
import type Database from "better-sqlite3";
import type { Embedder, VectorIndex } from "./ports.js";

export type VectorSyncSummary = { embedded: number; deleted: number; unchanged: number };

type PassageRow = { id: string; text: string; section: string | null; title: string; documentId: string; kind: string; themes: string; region: string | null };

/** Passages embedded and upserted per step; each step is recorded, so an interrupted run resumes. */
const STEP = 64;

/**
 * Brings the vector index in line with the passages: only new or changed passages are embedded (the
 * ledger in SQLite remembers model and text per target), vectors of removed passages are deleted.
 */
export async function syncVectors(input: {
  db: Database.Database;
  embedder: Embedder;
  index: VectorIndex;
  onProgress?: (done: number, total: number) => void;
}): Promise<VectorSyncSummary> {
  const { db, embedder, index } = input;
  const ledger = new Map(
    (db.prepare("SELECT passage_id, model, text_hash FROM vector_ledger WHERE target = ?").all(index.target) as Array<{ passage_id: string; model: string; text_hash: string }>)
      .map((row) => [row.passage_id, row]),
  );
  const passages = db
    .prepare(
      `SELECT p.id, p.text, p.section, d.title, d.id AS documentId, d.kind, d.themes, d.region
         FROM passages p JOIN documents d ON d.id = p.document_id ORDER BY p.rowid`,
    )
    .all() as PassageRow[];
  const present = new Set(passages.map((p) => p.id));
  const stale = [...ledger.keys()].filter((id) => !present.has(id));
  if (stale.length) {
    await index.delete(stale);
    const forget = db.prepare("DELETE FROM vector_ledger WHERE target = ? AND passage_id = ?");
    db.transaction(() => stale.forEach((id) => forget.run(index.target, id)))();
  }
  const todo = passages
    .map((p) => ({ passage: p, content: embeddingText(p) }))
    // The metadata is part of what is stored with a vector (filters), so a change re-sends it.
    .map((item) => ({ ...item, hash: sha256(`${item.content}\u0000${item.passage.kind}\u0000${item.passage.themes}\u0000${item.passage.region ?? ""}`) }))
    .filter(({ passage, hash }) => {
      const known = ledger.get(passage.id);
      return !known || known.model !== embedder.model || known.text_hash !== hash;
    });
  const note = db.prepare(
    "INSERT INTO vector_ledger (passage_id, target, model, text_hash) VALUES (?, ?, ?, ?) ON CONFLICT (target, passage_id) DO UPDATE SET model = excluded.model, text_hash = excluded.text_hash",
  );
  for (let at = 0; at < todo.length; at += STEP) {
    const step = todo.slice(at, at + STEP);
    const vectors = await embedder.embed(step.map((s) => s.content));
    await index.upsert(step.map(({ passage }, i) => ({
      passageId: passage.id,
      vector: vectors[i]!,
      metadata: { documentId: passage.documentId, kind: passage.kind, themes: JSON.parse(passage.themes) as string[], region: passage.region ?? undefined },
    })));
    db.transaction(() => step.forEach(({ passage, hash }) => note.run(passage.id, index.target, embedder.model, hash)))();
    input.onProgress?.(Math.min(at + STEP, todo.length), todo.length);
  }
  return { embedded: todo.length, deleted: stale.length, unchanged: passages.length - todo.length };
}

/** What is embedded for a passage: its text with the document title and section for context. */
function embeddingText(p: PassageRow): string {
  return `${p.title}${p.section ? ` — ${p.section}` : ""}\n${p.text}`;
}

function sha256(text: string): string {
  return crypto.createHash("sha256").update(text).digest("hex");
}
