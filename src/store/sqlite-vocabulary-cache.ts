import type Database from "better-sqlite3";
import type { VocabularyCache } from "../core/text/vocabulary-cache.js";
import type { VocabularyData } from "../core/text/vocabulary.js";
import { readStoreMeta, writeStoreMeta } from "./store-meta.js";

/**
 * Analysed vocabularies kept in the embedded database (store_meta), one entry per name. Only a cache:
 * an entry that cannot be read or written is analysed again, never an error.
 */
export class SqliteVocabularyCache implements VocabularyCache {
  constructor(private readonly db: Database.Database) {}

  read(name: string): { key: string; data: VocabularyData } | undefined {
    try {
      const text = readStoreMeta(this.db, `vocabulary_cache:${name}`);
      return text ? (JSON.parse(text) as { key: string; data: VocabularyData }) : undefined;
    } catch {
      return undefined;
    }
  }

  write(name: string, key: string, data: VocabularyData): void {
    try {
      writeStoreMeta(this.db, `vocabulary_cache:${name}`, JSON.stringify({ key, data }));
    } catch {
      // Busy in another process, or read-only: the next process analyses the files again.
    }
  }
}
