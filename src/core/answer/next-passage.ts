import { sentencesOf, type AnalysedSentence } from "../retrieval/passage-sentences.js";
import { analyzeText } from "../text/analyzer.js";
import type { SearchHit } from "../types.js";

/**
 * The sentences that follow a passage in its document, when the passage after it (same document, same
 * heading, the next ordinal) is among the hits. Passages are cut at about 1200 characters, wherever the
 * text is: a line announcing a list ("Thema's:", "Voorbeelden van acties op dit punt:") may end one
 * passage and its items open the next. The quote reads on across that cut as a reader of the document
 * would. The cut overlaps (a sentence may stand at the end of one and the start of the next, and a
 * passage that starts inside a list starts with the line announcing it), so what the passage already
 * holds is not repeated: neither a whole sentence nor a list's announcing line.
 */
export function followingSentences(hit: SearchHit, hits: readonly SearchHit[], isHeading: (text: string, hit: SearchHit) => boolean): AnalysedSentence[] {
  const next = hits.find((h) => h.document.id === hit.document.id && h.passage.ordinal === hit.passage.ordinal + 1);
  if (!next || (next.passage.section ?? "") !== (hit.passage.section ?? "")) return [];
  const own = new Set(sentencesOf(hit).map((s) => comparable(s.text)));
  const following: AnalysedSentence[] = [];
  for (const sentence of sentencesOf(next)) {
    if (isHeading(sentence.text, next) || own.has(comparable(sentence.text))) continue;
    const [intro, ...items] = sentence.text.split("\n");
    if (items.length && own.has(comparable(intro!))) {
      const rest = items.join("\n");
      following.push({ text: rest, terms: new Set(analyzeText(rest)) });
    } else following.push(sentence);
  }
  return following;
}

const comparable = (text: string) => text.toLowerCase().replace(/\W+/g, " ").trim();
