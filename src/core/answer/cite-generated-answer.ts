import { sourceLabel, type SearchHit } from "../types.js";
import type { GeneratedAnswer, NumberedPassage } from "../ports.js";
import { refOf, withSources, type ComposedAnswer, type SourceRef } from "./compose-answer.js";

/** The passages as the model is shown them: numbered from 1, with their source label. */
export function numberPassages(hits: readonly SearchHit[]): NumberedPassage[] {
  return hits.map((hit, i) => ({ number: i + 1, source: sourceLabel(hit), text: hit.passage.text }));
}

/**
 * A generated answer with only valid citations: markers and cited numbers that point to no passage
 * are dropped, the rest renumbered to the list of sources in order of first use (passages of the same
 * source share a number). Undefined when the model found the passages do not answer the question, or
 * cited none of them: then the question goes to a person.
 */
export function citeGeneratedAnswer(generated: GeneratedAnswer, hits: readonly SearchHit[]): ComposedAnswer | undefined {
  const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= hits.length;
  const answer = generated.answer.trim();
  const inText = [...answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])).filter(valid);
  const cited = [...new Set([...inText, ...generated.cited.filter(valid)])];
  if (!generated.answerable || cited.length === 0 || !answer) return undefined;

  const sources: SourceRef[] = [];
  const numberOf = new Map<number, number>();
  for (const n of cited) {
    const ref = refOf(hits[n - 1]!);
    let number = sources.findIndex((s) => s.label === ref.label) + 1;
    if (number === 0) number = sources.push(ref);
    numberOf.set(n, number);
  }
  const text = answer
    .replace(/\[(\d+)\]/g, (_, n: string) => (numberOf.has(Number(n)) ? `[${numberOf.get(Number(n))}]` : ""))
    .replace(/(\[\d+\])(\1)+/g, "$1")
    .replace(/ +([.,;:!?])/g, "$1")
    .replace(/[ \t]{2,}/g, " ");
  return withSources(text, sources, hits);
}
