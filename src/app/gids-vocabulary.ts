import fs from "node:fs";
import path from "node:path";
import { Vocabulary } from "../core/text/vocabulary.js";
import { GLOSSARY_FILE, SYNONYM_FILE } from "../ingest/vocabulary-files.js";

/** Everyday words for the gids's themes, shipped with Vliegwiel and extended by maintainers. */
export const GIDS_WORDS_FILE = path.resolve(import.meta.dirname, "../../vocabulary/gids-woorden.txt");

/**
 * The vocabulary the gids is matched with: the documents' synonyms and English glossary (the same
 * analysis), plus vocabulary/gids-woorden.txt, which leads everyday words to the gids's themes.
 */
export function loadGidsVocabulary(knowledgeDir: string, gidsWordsFile = GIDS_WORDS_FILE): Vocabulary {
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
  return new Vocabulary(`${read(path.join(knowledgeDir, SYNONYM_FILE))}\n${read(gidsWordsFile)}`, read(path.join(knowledgeDir, GLOSSARY_FILE)));
}
