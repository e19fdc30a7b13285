import fs from "node:fs";
import path from "node:path";
import type { Vocabulary } from "../core/text/vocabulary.js";
import { cachedVocabulary, type VocabularyCache } from "../core/text/vocabulary-cache.js";

/** The field's vocabulary files in the knowledge folder, which maintainers extend by hand. */
export const SYNONYM_FILE = "synoniemen.txt";
export const GLOSSARY_FILE = "engels-nederlands.txt";
/** Everyday words that lead to the themes of the initiatievengids (read by the gids's matcher only). */
export const GIDS_WORDS_FILE = "gids-woorden.txt";
export const VOCABULARY_FILES: readonly string[] = [SYNONYM_FILE, GLOSSARY_FILE, GIDS_WORDS_FILE];

/**
 * Reads the synonym file and the English-Dutch glossary from the knowledge folder (either may be
 * missing); with a cache, analysed once for as long as the files stay the same.
 */
export function loadVocabulary(knowledgeDir: string, cache?: VocabularyCache): Vocabulary {
  const read = (name: string) => {
    const file = path.join(knowledgeDir, name);
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  };
  return cachedVocabulary(cache, "documents", read(SYNONYM_FILE), read(GLOSSARY_FILE));
}
