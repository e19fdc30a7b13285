import { dutchDictionary, dutchDictionaryState, knowsWordOrName, loadedList, type DutchDictionary } from "./dutch-dictionary.js";
import { foldDiacritics } from "./fold.js";
import { ocrCandidatesManyL, ocrCandidatesOne, ocrCandidatesTwo } from "./ocr-confusions.js";
import { wordMemory } from "./word-memory.js";

const MIN_LETTERS = 5;
const MAX_LENGTH = 40;

/**
 * The Dutch word an OCR-damaged word stands for ("codperatie" → coöperatie, "elgenheld" → eigenheid),
 * or undefined when the word is known, too short, or when no single dictionary word explains it (one
 * substitution is tried before two, then three or more l's read for i's; two candidates means unsure). A word that only lost its diacritics
 * ("cooperatie") yields the dictionary spelling. Expects a lower-case word. Each decision is kept in
 * the word memory, so the word list is not needed to repeat it.
 */
export function repairOcrWord(word: string): string | undefined {
  if (word.length < MIN_LETTERS) return undefined;
  // Every word of every passage comes here: the memory is asked first.
  const key = `o:${word}`;
  const remembered = wordMemory().recall(key);
  if (remembered !== undefined) return remembered ?? undefined;
  if (!worthRepairing(word)) return undefined;
  const dictionary = dutchDictionary();
  if (!dictionary) return undefined;
  const repaired = decide(word, dictionary);
  // A decision taken without the list (it failed to load) is not one to keep.
  if (dutchDictionaryState() !== "unavailable") wordMemory().remember(key, repaired ?? null);
  return repaired;
}

function worthRepairing(word: string): boolean {
  return word.length <= MAX_LENGTH && (word.match(/\p{L}/gu) ?? []).length >= MIN_LETTERS && !/^\p{N}+$/u.test(word);
}

function decide(word: string, dictionary: DutchDictionary): string | undefined {
  if (knowsWordOrName(dictionary, word)) return undefined;
  for (const candidates of [ocrCandidatesOne, ocrCandidatesTwo, ocrCandidatesManyL]) {
    // Candidates are common words only: a name ("Carly" for "early") would be a guess.
    // The candidates are asked of the list itself: the decision is remembered, the dozens of guesses
    // behind it are not worth a row each (a page of unusual tokens asked thousands).
    const list = loadedList() ?? dictionary;
    const known = candidates(word).filter((c) => list.knows(c));
    const folded = foldDiacritics(word);
    const sameWord = known.find((c) => foldDiacritics(c) === folded);
    if (sameWord) return sameWord;
    if (known.length === 1) return known[0];
    if (known.length > 1) return undefined;
  }
  return undefined;
}

/**
 * Repairs the OCR-damaged words of a readable text, keeping capitals; unsure words stay as they are,
 * and so does a capitalised word inside a sentence (most likely a name the dictionary lacks).
 */
export function repairOcrText(text: string): string {
  return text.replace(/[\p{L}\p{N}]+/gu, (surface: string, offset: number) => {
    if (!/\p{L}/u.test(surface) || surface.length < MIN_LETTERS) return surface;
    const lower = surface.toLowerCase();
    const capitalised = /^\p{Lu}\p{Ll}/u.test(surface);
    if (capitalised && !startsSentence(text, offset)) return surface;
    // A capitalised word the list knows as such (a name) is left alone.
    if (lower !== surface && dutchDictionary()?.knows(surface)) return surface;
    const repaired = repairOcrWord(lower);
    if (!repaired) return surface;
    if (surface === surface.toUpperCase() && surface.length > 1) return repaired.toUpperCase();
    return /^\p{Lu}/u.test(surface) ? repaired.charAt(0).toUpperCase() + repaired.slice(1) : repaired;
  });
}

function startsSentence(text: string, offset: number): boolean {
  const before = text.slice(0, offset).trimEnd();
  return before === "" || /[.!?:;"“‘(•–-]$/u.test(before);
}
