import fs from "node:fs";
import path from "node:path";
import type { Vocabulary } from "../core/text/vocabulary.js";
import { cachedVocabulary, type VocabularyCache } from "../core/text/vocabulary-cache.js";
import { GIDS_WORDS_FILE, GLOSSARY_FILE, SYNONYM_FILE } from "../ingest/vocabulary-files.js";

/**
 * The vocabulary the gids is matched with: the documents' synonyms and English glossary (the same
 * analysis), plus gids-woorden.txt beside them, which leads everyday words to the gids's themes.
 */
export function loadGidsVocabulary(knowledgeDir: string, gidsWordsFile = path.join(knowledgeDir, GIDS_WORDS_FILE), cache?: VocabularyCache): Vocabulary {
  const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "");
  return cachedVocabulary(cache, "gids", `${read(path.join(knowledgeDir, SYNONYM_FILE))}\n${oneWayPerWord(read(gidsWordsFile))}`, read(path.join(knowledgeDir, GLOSSARY_FILE)));
}

/**
 * In gids-woorden.txt, "a, b => x, y" leads each of a and b to the themes x and y, and not a to b:
 * the words on the left are examples of a theme ("windmolen, zonnepaneel => energie"), not synonyms
 * of each other. Written out as one rule per word, which the synonym reader takes that way.
 */
export function oneWayPerWord(text: string): string {
  return text.split("\n").flatMap((line) => {
    const [left, right] = line.replace(/#.*$/, "").split("=>");
    if (right === undefined) return [line];
    return left!.split(",").map((w) => w.trim()).filter(Boolean).map((w) => `${w} => ${right.trim()}`);
  }).join("\n");
}
