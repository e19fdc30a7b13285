import { sourceLabel, type SearchHit } from "../types.js";
import { analyzeText } from "../text/analyzer.js";
import { repairOcrText } from "../text/ocr-repair.js";
import { idf, matchesTerm, type SearchTerm } from "../retrieval/retrieve.js";
import { readableSentences } from "./readable-text.js";

export type SourceRef = { label: string; documentId: string; passageId: string };

export type ComposedAnswer = { text: string; sources: SourceRef[]; furtherReading: SourceRef[] };

const MAX_SENTENCES = 3;
const PASSAGES_TO_QUOTE = 3;
const MAX_SENTENCE_CHARS = 400;

/**
 * The offline answer: the sentences of the best passages that hold most of the question's weight,
 * quoted with a numbered source each, followed by where to read more.
 */
export function composeAnswer(hits: readonly SearchHit[], terms: readonly SearchTerm[], passageCount: number): ComposedAnswer {
  const weights = new Map(terms.map((t) => [t.term, idf(t.df, passageCount)]));
  const candidates = hits.slice(0, PASSAGES_TO_QUOTE).flatMap((hit, rank) =>
    readableSentences(hit.passage.text).map((sentence, position) => ({
      sentence: sentence.length > MAX_SENTENCE_CHARS ? `${sentence.slice(0, MAX_SENTENCE_CHARS).replace(/\s\S*$/, "")} …` : sentence,
      hit,
      position,
      score: sentenceScore(sentence, weights, terms) / (1 + 0.35 * rank),
    })),
  );
  const seen = new Set<string>();
  const chosen = candidates
    .filter((c) => c.score > 0 && !isHeading(c.sentence, c.hit))
    .sort((a, b) => b.score - a.score)
    .filter((c) => {
      const key = comparable(c.sentence);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_SENTENCES)
    .sort((a, b) => hits.indexOf(a.hit) - hits.indexOf(b.hit) || a.position - b.position);

  const sources: SourceRef[] = [];
  const lines = chosen.map(({ sentence, hit }) => {
    const ref = refOf(hit);
    let number = sources.findIndex((s) => s.label === ref.label) + 1;
    if (number === 0) number = sources.push(ref);
    return `• “${sentence}” [${number}]`;
  });
  return withSources(["Dit vond ik erover in de kennisbank:", ...lines].join("\n"), sources, hits);
}

/**
 * An answer's body followed by its numbered sources and, from the best hits, the other documents
 * worth reading ("Meer lezen"): the form every answer takes, quoted or generated.
 */
export function withSources(body: string, sources: SourceRef[], hits: readonly SearchHit[]): ComposedAnswer {
  const cited = new Set(sources.map((s) => s.documentId));
  const furtherReading: SourceRef[] = [];
  for (const hit of hits.slice(0, 5)) {
    if (cited.has(hit.document.id) || furtherReading.some((f) => f.documentId === hit.document.id)) continue;
    furtherReading.push(refOf(hit));
  }
  const text = [
    body,
    "",
    "Bronnen:",
    ...sources.map((s, i) => `[${i + 1}] ${s.label}`),
    ...(furtherReading.length ? ["", "Meer lezen:", ...furtherReading.map((f) => `– ${f.label}`)] : []),
  ].join("\n");
  return { text, sources, furtherReading };
}

/** A heading repeated as the first line of its passage says nothing by itself. */
function isHeading(sentence: string, hit: SearchHit): boolean {
  return !!hit.passage.section && comparable(sentence) === comparable(repairOcrText(hit.passage.section));
}

/** Text reduced to its words, for telling whether two texts say the same. */
function comparable(text: string): string {
  return text.toLowerCase().replace(/\W+/g, " ").trim();
}

export function refOf(hit: SearchHit): SourceRef {
  return { label: sourceLabel(hit), documentId: hit.document.id, passageId: hit.passage.id };
}

/** IDF weight of the question's terms in a sentence, with a mild preference for shorter sentences. */
function sentenceScore(sentence: string, weights: ReadonlyMap<string, number>, terms: readonly SearchTerm[]): number {
  const own = new Set(analyzeText(sentence));
  let score = 0;
  for (const t of terms) {
    if (matchesTerm(own, t)) score += weights.get(t.term) ?? 0;
  }
  return score / Math.sqrt(Math.max(8, own.size) / 8);
}
