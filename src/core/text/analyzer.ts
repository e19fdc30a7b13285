import { tokenize, tokenizeMarked } from "./fold.js";
import { foldDiacritics } from "./fold.js";
import { repairOcrWord } from "./ocr-repair.js";
import { stemDutch } from "./stem.js";
import { DUTCH_STOPWORDS, ENGLISH_STOPWORDS, detectLanguage } from "./stopwords.js";
import { CHAT_WORDS } from "./chat-words.js";

/**
 * Version of what analyzeText yields for a text. Raise it whenever stemming, folding or stop words
 * change: a store written with another version analyses its passages again when opened.
 */
export const ANALYZER_VERSION = 9;

/**
 * Index terms of a document text: folded, stop words dropped, stemmed; repeats kept (term frequency).
 * A word the Dutch dictionary does not know that one dictionary word explains as OCR damage also gets
 * that word's term, right after its own ("elgenheld" → elgenheld, eigenheid).
 */
export function analyzeText(text: string): string[] {
  return terms(text, true);
}

/**
 * Index terms of text people typed on purpose, such as the vocabulary files: like analyzeText, but
 * without OCR repair (a word a maintainer wrote is meant as written, and asking the Dutch word list
 * about each one would load it, some seconds, in every process that reads the files).
 */
export function analyzeWrittenText(text: string): string[] {
  return terms(text, false);
}

function terms(text: string, repairOcr: boolean): string[] {
  const out: string[] = [];
  for (const token of tokenize(text)) {
    if (token.length < 2 || DUTCH_STOPWORDS.has(token)) continue;
    const term = stemDutch(token);
    out.push(term);
    const repaired = repairOcr ? repairOcrWord(token) : null;
    if (!repaired) continue;
    const repairedTerm = stemDutch(foldDiacritics(repaired));
    if (repairedTerm !== term && !DUTCH_STOPWORDS.has(foldDiacritics(repaired))) out.push(repairedTerm);
  }
  return out;
}

export type QueryTerm = {
  /** The word as typed (folded). */
  word: string;
  /** Its index term. */
  term: string;
  /** The joined form of a hyphenated word ("leader-subsidies" → leadersubsidie); its parts are terms too. */
  joined: boolean;
};

export type AnalyzedQuery = {
  language: "nl" | "en";
  /** Distinct content terms in the order they were typed. */
  terms: QueryTerm[];
};

/** Content terms of a question: like analyzeText, with the stop words of the question's language. */
export function analyzeQuery(text: string): AnalyzedQuery {
  const tokens = tokenizeMarked(text);
  const language = detectLanguage(tokens.map((t) => t.word));
  const stopwords = language === "en" ? ENGLISH_STOPWORDS : DUTCH_STOPWORDS;
  const seen = new Set<string>();
  const terms: QueryTerm[] = [];
  for (const { word, joined } of tokens) {
    if (word.length < 2 || stopwords.has(word) || DUTCH_STOPWORDS.has(word) || CHAT_WORDS.has(word)) continue;
    const term = stemDutch(word);
    if (seen.has(term)) continue;
    seen.add(term);
    terms.push({ word, term, joined });
  }
  return { language, terms };
}
