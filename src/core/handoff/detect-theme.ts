import { analyzeQuery, analyzeText } from "../text/analyzer.js";

/**
 * The roster theme a question is about: the first theme all of whose words occur in the question
 * (after Dutch stemming, also as the head of a compound: "evenementenvergunning" is about
 * "vergunningen"), else the theme of the best-matching document, when that document has only one
 * theme the roster covers (a report about many themes says nothing about which one a question is on).
 */
export function detectTheme(question: string, rosterThemes: readonly string[], documentThemes: readonly string[] = []): string | undefined {
  const asked = analyzeQuery(question).terms.map((t) => t.term);
  const occurs = (word: string) => asked.some((term) => term === word || (word.length >= 4 && term.endsWith(word)));
  const byWords = rosterThemes.find((theme) => {
    const words = analyzeText(theme);
    return words.length > 0 && words.every(occurs);
  });
  if (byWords) return byWords;
  const covered = new Set(rosterThemes.map((t) => t.toLowerCase()));
  const candidates = documentThemes.filter((t) => covered.has(t.toLowerCase()));
  return candidates.length === 1 ? candidates[0] : undefined;
}
