import { analyzeWrittenText } from "../text/analyzer.js";

/** A word's strongest associates in the field's documents, best first, each with its strength (0..1). */
export type Associations = ReadonlyMap<string, ReadonlyArray<{ term: string; strength: number }>>;

export type AssociationOptions = {
  /** A word (and a pair) must occur in at least this many sentences. */
  minCount?: number;
  /** Associates kept per word. */
  perWord?: number;
  /** The normalised PMI a pair needs (0: independent, 1: always together). */
  minStrength?: number;
};

const DEFAULTS: Required<AssociationOptions> = { minCount: 2, perWord: 3, minStrength: 0.5 };
/** A word in more than this share of the sentences is too common to bridge anything. */
const MAX_SENTENCE_SHARE = 0.05;
/** Sentences with more index terms than this are lists or run-on text: their pairs say little. */
const MAX_SENTENCE_TERMS = 40;

/**
 * Words that go together in the field's own documents: per pair of analysed stems in one sentence, the
 * normalised pointwise mutual information (NPMI) over the sentences, kept when both occur in at least
 * `minCount` sentences together and strongly enough, at most `perWord` per word. A bridge that grows with
 * every document added: a question's word that no profile holds may lead, with a low weight, to a word
 * of the same field that one does ("kerk" → "herbestemming" when the documents talk of both together).
 */
export function buildAssociations(texts: Iterable<string>, options: AssociationOptions = {}): Associations {
  const { minCount, perWord, minStrength } = { ...DEFAULTS, ...options };
  const sentences: string[][] = [];
  for (const text of texts) {
    for (const sentence of sentencesOf(text)) {
      const terms = [...new Set(analyzeWrittenText(sentence))].filter((t) => t.length >= 3 && !/^\d+$/.test(t));
      if (terms.length >= 2 && terms.length <= MAX_SENTENCE_TERMS) sentences.push(terms);
    }
  }
  const n = sentences.length;
  const count = new Map<string, number>();
  for (const s of sentences) for (const t of s) count.set(t, (count.get(t) ?? 0) + 1);
  const usable = (t: string) => { const c = count.get(t) ?? 0; return c >= minCount && c <= Math.max(minCount, MAX_SENTENCE_SHARE * n); };
  const pairs = new Map<string, number>();
  for (const s of sentences) {
    const kept = s.filter(usable).sort();
    for (let i = 0; i < kept.length; i++) for (let j = i + 1; j < kept.length; j++) {
      const key = `${kept[i]}\u0000${kept[j]}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
  }
  const found = new Map<string, Array<{ term: string; strength: number }>>();
  for (const [key, together] of pairs) {
    if (together < minCount) continue;
    const [a, b] = key.split("\u0000") as [string, string];
    const strength = npmi(together, count.get(a)!, count.get(b)!, n);
    if (strength < minStrength) continue;
    for (const [from, to] of [[a, b], [b, a]] as const) {
      const list = found.get(from) ?? [];
      list.push({ term: to, strength });
      found.set(from, list);
    }
  }
  for (const [word, list] of found) found.set(word, list.sort((x, y) => y.strength - x.strength || x.term.localeCompare(y.term)).slice(0, perWord));
  return found;
}

/** Normalised PMI: log(p(a,b) / p(a)p(b)) / -log p(a,b), 1 when the two always occur together. */
function npmi(together: number, a: number, b: number, n: number): number {
  const pab = together / n;
  if (pab >= 1) return 1;
  return Math.log(pab / ((a / n) * (b / n))) / -Math.log(pab);
}

/** A text's sentences: apart at a full stop, question or exclamation mark before a space, or a new line. */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).map((s) => s.trim()).filter(Boolean);
}
