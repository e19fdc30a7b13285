import type { KnowledgeIndex } from "../core/ports.js";
import { questionPart } from "../core/decision/classify-intent.js";
import { retrieve } from "../core/retrieval/retrieve.js";
import type { Vocabulary } from "../core/text/vocabulary.js";
import { firstSupportingRank, type EvalResult } from "./metrics.js";

/** How deep a missed question's supporting passage is looked for. */
const DEEP = 100;
const SHOWN = 3;

/**
 * For `npm run eval -- --failures`: every answerable question whose supporting passage is not in the
 * top 5, with the terms it was searched with, the passages that came first and where (and how) the
 * supporting one ranks in a deeper search: the material for finding classes of failure.
 */
export function failureReport(results: readonly EvalResult[], index: KnowledgeIndex, vocabulary?: Vocabulary): string {
  const lines: string[] = [];
  for (const { question, reply } of results) {
    if (!question.answerable) continue;
    const rank = firstSupportingRank(question, reply.passages.slice(0, 10));
    if (rank > 0 && rank <= 5) continue;
    const deep = retrieve(index, questionPart(question.question), DEEP, { vocabulary });
    const deepRank = firstSupportingRank(question, deep.hits.map((h) => ({ text: h.passage.text })));
    const terms = deep.terms.map((t) => `${t.word}→${t.term}${t.origin === "typed" ? "" : `(${t.origin})`}:${t.df}`).join(" ");
    lines.push(`${question.id} [${question.kind ?? "-"}] rang ${rank || "-"} (diep ${deepRank || `>${DEEP}`}) ${question.question}`);
    lines.push(`   termen: ${terms}`);
    for (const hit of deep.hits.slice(0, SHOWN)) lines.push(`   top: ${hit.passage.id} ${hit.score.toFixed(2)} ${oneLine(hit.passage.text)}`);
    const supporting = deepRank ? deep.hits[deepRank - 1] : undefined;
    if (supporting) {
      const own = new Set(supporting.passage.terms);
      const missing = deep.terms.filter((t) => t.origin === "typed" && t.df > 0 && !own.has(t.term)).map((t) => t.word);
      lines.push(`   juist: ${supporting.passage.id} ${supporting.score.toFixed(2)} mist: ${missing.join(", ") || "-"}`);
    }
    lines.push(`   verwacht: ${(question.expect_any ?? []).map((e) => oneLine(e, 70)).join(" | ")}`);
  }
  return lines.join("\n");
}

function oneLine(text: string, max = 90): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}
