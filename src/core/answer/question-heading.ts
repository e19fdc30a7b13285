import type { QuestionWeight } from "../retrieval/question-weight.js";
import { analyzeText } from "../text/analyzer.js";
import type { SearchHit } from "../types.js";

/**
 * A passage under a heading that is itself the question asked ("Wie betaalt de reparatie van het dak?",
 * as FAQ pages and the tolken's answers in the knowledge store are written) answers it in the sentences
 * right under it, whatever words they use ("Meestal de eigenaar van het pand."). The weight of the asked
 * question that the heading holds is credited to those sentences, when the two questions are about the
 * same: the heading holds most of the question's weight and the question most of the heading's words.
 * A heading that only names a topic ("Financiering"), or asks about more than was asked ("Postcoderoos en
 * SCE: hoe zit dat?" for "bestaat de postcoderoos nog?"), earns nothing here.
 */
export function questionHeadingCredit(hit: SearchHit, question: QuestionWeight): number {
  const heading = hit.passage.section?.trim();
  if (!heading || !heading.endsWith("?")) return 0;
  // Only the passage that starts under its heading: a later piece of a long answer starts mid-way.
  const firstLine = hit.passage.text.trimStart().split("\n", 1)[0]!.replace(/^#+\s*/, "").trim();
  if (firstLine !== heading) return 0;
  const terms = new Set(analyzeText(heading));
  if (terms.size === 0 || question.share(terms) < SAME_QUESTION) return 0;
  const asked = [...terms].filter((term) => question.heldEach(new Set([term])) > 0).length;
  return asked / terms.size >= SAME_QUESTION ? question.heldEach(terms) : 0;
}

/** The share, each way, from which a heading and the question ask the same. */
const SAME_QUESTION = 0.6;
