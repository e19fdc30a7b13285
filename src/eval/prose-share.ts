/** A sentence this many words long or longer, ending as a sentence ends, is prose. */
const MIN_WORDS = 6;
/** Ends with . ! ? ; or : (before closing quotes, brackets or emphasis). */
const SENTENCE_END = /[.!?;:]["”’)*]*$/;
const WORD = /\p{L}{2,}/u;

const shares = new WeakMap<readonly { text: string }[], number>();

/**
 * The share of a passage's words that stand in whole sentences (six words or more, ending as a sentence
 * ends), 0..1. A slide, a list of names or a figure's labels ("Broodfonds / Energie coöperatie / Buurt-app")
 * holds many of a field's words without saying anything about them: such keyword soup matches many
 * questions on a word or two, while an answer is mostly written in sentences. The failure report
 * (`npm run eval -- --failures`) counts the misses such a passage wins; as a ranking prior (the score
 * times 1 − w × the share not in sentences) it did not pay, see README, "Evaluation and benchmark".
 * Kept per sentence list (passage-sentences.ts caches those per passage).
 */
export function proseShare(sentences: readonly { text: string }[]): number {
  const known = shares.get(sentences);
  if (known !== undefined) return known;
  let total = 0;
  let prose = 0;
  for (const { text } of sentences) {
    const words = text.split(/\s+/).filter((w) => WORD.test(w)).length;
    total += words;
    if (words >= MIN_WORDS && SENTENCE_END.test(text.trim())) prose += words;
  }
  const share = total > 0 ? prose / total : 0;
  shares.set(sentences, share);
  return share;
}

