import type { PassageDraft, StoredDocument } from "../core/types.js";

/** Where ingestion puts documents and their passages; the embedded SQLite store implements it. */
export interface DocumentStore {
  getDocument(id: string): StoredDocument | undefined;
  listDocuments(): StoredDocument[];
  /** Puts a document and all its passages in place of any earlier version, in one transaction. */
  replaceDocument(doc: Omit<StoredDocument, "passageCount" | "ingestedAt">, drafts: PassageDraft[]): StoredDocument;
  /** The same, analysing the passages with pauses in which others (the chat) get their turn. */
  replaceDocumentYielding(doc: Omit<StoredDocument, "passageCount" | "ingestedAt">, drafts: PassageDraft[]): Promise<StoredDocument>;
  removeDocument(id: string): boolean;
}
