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
  return keepingWordAnswers(() => {
    const bodies = passages.map((passage) => analyseBody(passage));
    return assemble(title, passages, bodies);
  });
}

/** Passages analysed per slice of this many, the event loop free between slices. */
const SLICE = 16;

/**
 * The same, a slice at a time with the event loop free in between (a 3 MB text takes ~10 s to analyse):
 * while a large document is read in, the app goes on answering. Word answers are kept only within
 * each slice, never across a pause in which a question may be analysed.
 */
export async function analysePassagesYielding(title: string, passages: ReadonlyArray<{ section?: string; text: string }>): Promise<AnalysedPassage[]> {
  const bodies: string[][] = [];
  for (let start = 0; start < passages.length; start += SLICE) {
    keepingWordAnswers(() => {
      for (const passage of passages.slice(start, start + SLICE)) bodies.push(analyseBody(passage));
    });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return keepingWordAnswers(() => assemble(title, passages, bodies));
}

function analyseBody(passage: { section?: string; text: string }): string[] {
  rememberDisplayRepairs(passage);
  return analyzeText(passage.text);
}

function assemble(title: string, passages: ReadonlyArray<{ section?: string; text: string }>, bodyTerms: readonly string[][]): AnalysedPassage[] {
  const titleTerms = analyzeText(title).join(" ");
  return passages.map((passage, ordinal) => ({
    title: titleTerms,
    section: passage.section ? analyzeText(passage.section).join(" ") : "",
    body: bodyTerms[ordinal]!.join(" "),
    bodyCount: bodyTerms[ordinal]!.length,
    context: [...(bodyTerms[ordinal - 1] ?? []).slice(-60), ...(bodyTerms[ordinal + 1] ?? []).slice(0, 60)].join(" "),
  }));
}
