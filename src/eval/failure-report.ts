import type { KnowledgeIndex } from "../core/ports.js";
import { questionPart } from "../core/decision/classify-intent.js";
import { retrieve } from "../core/retrieval/retrieve.js";
import { sentencesOf } from "../core/retrieval/passage-sentences.js";
import { proseShare } from "./prose-share.js";
import type { Vocabulary } from "../core/text/vocabulary.js";
import { firstSupportingRank, type EvalResult } from "./metrics.js";

/** How deep a missed question's supporting passage is looked for. */
const DEEP = 100;
const SHOWN = 3;

/** A passage with less than this share of its words in whole sentences reads as keyword soup. */
const SOUP = 0.6;

/**
 * For `npm run eval -- --failures`: every answerable question whose supporting passage is not in the
 * top 5 (or ranks `fromRank` or lower, or is missing), with the terms it was searched with, the passages
 * that came first and where (and how) the supporting one ranks in a deeper search, and at the end a
 * count of the classes they fall in: the supporting passage lacks words of the question; the passage
 * that won is its document's opening (title, invitation, contents) or keyword soup (a slide, a list of
 * names: prose-share.ts); the question is English.
 */
export function failureReport(results: readonly EvalResult[], index: KnowledgeIndex, vocabulary?: Vocabulary, fromRank = 6): string {
  const lines: string[] = [];
  const classes = new Map<string, number>();
  const count = (name: string) => classes.set(name, (classes.get(name) ?? 0) + 1);
  for (const { question, reply } of results) {
    if (!question.answerable) continue;
    const rank = firstSupportingRank(question, reply.passages.slice(0, 10));
    if (rank > 0 && rank < fromRank) continue;
    const deep = retrieve(index, questionPart(question.question), DEEP, { vocabulary });
    const deepRank = firstSupportingRank(question, deep.hits.map((h) => ({ text: h.passage.text })));
    const terms = deep.terms.map((t) => `${t.word}→${t.term}${t.origin === "typed" ? "" : `(${t.origin})`}:${t.df}`).join(" ");
    lines.push(`${question.id} [${question.kind ?? "-"}] rang ${rank || "-"} (diep ${deepRank || `>${DEEP}`}) ${question.question}`);
    lines.push(`   termen: ${terms}`);
    for (const hit of deep.hits.slice(0, SHOWN)) lines.push(`   top: ${hit.passage.id} ${hit.score.toFixed(2)} ${oneLine(hit.passage.text)}`);
    const supporting = deepRank ? deep.hits[deepRank - 1] : undefined;
    count("vragen");
    if (question.lang === "en") count("Engels");
    if (!supporting) count(`juiste passage niet in de top ${DEEP}`);
    if (supporting) {
      const own = new Set(supporting.passage.terms);
      const missing = deep.terms.filter((t) => t.origin === "typed" && t.df > 0 && !own.has(t.term)).map((t) => t.word);
      lines.push(`   juist: ${supporting.passage.id} ${supporting.score.toFixed(2)} mist: ${missing.join(", ") || "-"}`);
      if (missing.length) count(missing.length >= 3 ? "juiste passage mist 3 of meer woorden van de vraag" : "juiste passage mist 1 of 2 woorden van de vraag");
    }
    const winner = deep.hits[0];
    if (winner && winner !== supporting) {
      if (winner.passage.ordinal === 0) count("winnaar is de opening van een document");
      if (proseShare(sentencesOf(winner)) < SOUP) count("winnaar is een trefwoordenpassage (dia, lijst)");
    }
    lines.push(`   verwacht: ${(question.expect_any ?? []).map((e) => oneLine(e, 70)).join(" | ")}`);
  }
  if (classes.size) lines.push("", "Soorten (een vraag kan in meer dan één soort vallen):", ...[...classes].map(([name, n]) => `   ${String(n).padStart(3)}  ${name}`));
  return lines.join("\n");
}

function oneLine(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
