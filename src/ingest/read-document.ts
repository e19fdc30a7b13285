import type { PassageDraft } from "../core/types.js";
import { chunkPassages } from "./chunk-passages.js";
import { IngestError } from "./loaded-document.js";
import { loadSource } from "./load-source.js";

/** A document read and cut into passages: what the store keeps of it. */
export type ReadDocument = { title?: string; passages: PassageDraft[] };

/** Reads a document's bytes (its name's extension picks the loader) into passages; one without usable text is refused. */
export async function readDocument(name: string, bytes: Buffer): Promise<ReadDocument> {
  const loaded = await loadSource(name, bytes);
  const passages = await chunkPassages(loaded.blocks);
  if (passages.length === 0) throw new IngestError("geen bruikbare tekst gevonden");
  return { title: loaded.title, passages };
}
