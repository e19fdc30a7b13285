import { analyzeQuery, analyzeText } from "../text/analyzer.js";

/**
 * The roster theme a question is about: the first theme all of whose words occur in the question
 * (after Dutch stemming), else a theme of the best-matching document that the roster also covers.
 */
export function detectTheme(question: string, rosterThemes: readonly string[], documentThemes: readonly string[] = []): string | undefined {
  const asked = new Set(analyzeQuery(question).terms.map((t) => t.term));
  const byWords = rosterThemes.find((theme) => {
    const words = analyzeText(theme);
    return words.length > 0 && words.every((w) => asked.has(w));
  });
  if (byWords) return byWords;
  const covered = new Set(rosterThemes.map((t) => t.toLowerCase()));
  return documentThemes.find((t) => covered.has(t.toLowerCase()));
}
