import { analyzeText } from "../text/analyzer.js";
import { repairOcrText } from "../text/ocr-repair.js";
import { readableSentences } from "./readable-text.js";

/**
 * Prepares a passage for being weighed and quoted later: the OCR repairs of its readable sentences
 * (and of their index terms, which sentence scoring uses) and of its heading are decided now, at
 * ingest, when the Dutch word list is loaded anyway, and land in the word memory; answering a
 * question later then needs no word list.
 */
export function rememberDisplayRepairs(passage: { text: string; section?: string }): void {
  for (const sentence of readableSentences(passage.text)) analyzeText(sentence);
  if (passage.section) repairOcrText(passage.section);
}
