import type Database from "better-sqlite3";

/** Shorter words are not looked for (they are no trace of anyone). */
const SHORTEST_WORD = 3;

/**
 * Forgets the words of a forgotten person's texts and names in the word memory (a cache of word checks,
 * filled from what was read in and asked, such as an approved answer that held their question or a
 * tolk's signature): forgetting a word costs only a check again later. Returns the rows removed.
 */
export function forgetWords(db: Database.Database, texts: readonly string[]): number {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'word_memory'").get()) return 0;
  const words = JSON.stringify([...new Set(texts.flatMap((t) => t.toLowerCase().split(/[^\p{L}\p{N}]+/u)).filter((w) => w.length >= SHORTEST_WORD))]);
  return db
    .prepare("DELETE FROM word_memory WHERE lower(substr(key, instr(key, ':') + 1)) IN (SELECT value FROM json_each(?)) OR lower(value) IN (SELECT value FROM json_each(?))")
    .run(words, words).changes;
}
