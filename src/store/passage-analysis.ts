import { rememberDisplayRepairs } from "../core/answer/remember-display-repairs.js";
import { analyzeText } from "../core/text/analyzer.js";
import { keepingWordAnswers } from "../core/text/word-memory.js";

/** Index terms of one passage, per full-text column, joined by spaces. */
export type AnalysedPassage = { title: string; section: string; body: string; bodyCount: number; context: string };

/**
 * Index terms of a document's passages (in order): the document title, the passage's heading, its
 * body, and the nearest terms of the passages before and after it (so a sentence cut at a boundary
 * still counts for both). The repairs quoting the passage will need are decided here too, and what
 * the Dutch word list said of the document's words is kept (see keepingWordAnswers).
 */
export function analysePassages(title: string, passages: ReadonlyArray<{ section?: string; text: string }>): AnalysedPassage[] {
  return keepingWordAnswers(() => analyse(title, passages));
}

function analyse(title: string, passages: ReadonlyArray<{ section?: string; text: string }>): AnalysedPassage[] {
  const titleTerms = analyzeText(title).join(" ");
  const bodyTerms = passages.map((passage) => analyzeText(passage.text));
  for (const passage of passages) rememberDisplayRepairs(passage);
  return passages.map((passage, ordinal) => ({
    title: titleTerms,
    section: passage.section ? analyzeText(passage.section).join(" ") : "",
    body: bodyTerms[ordinal]!.join(" "),
    bodyCount: bodyTerms[ordinal]!.length,
    context: [...(bodyTerms[ordinal - 1] ?? []).slice(-60), ...(bodyTerms[ordinal + 1] ?? []).slice(0, 60)].join(" "),
  }));
}
