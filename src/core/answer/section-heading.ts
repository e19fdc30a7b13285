import type { QuestionWeight } from "../retrieval/question-weight.js";
import { analyzeText } from "../text/analyzer.js";
import type { SearchHit } from "../types.js";

/**
 * The question's weight held by the heading a passage stands under. Dutch reports, toolkits and FAQ
 * pages name the subject once, in the heading ("Let hierop bij het kiezen van een stuk grond",
 * "Vereniging, stichting of coöperatie?", "Kosten van de dorpsauto"), and the sentences under it do
 * not repeat it ("Laat de grond onderzoeken op vervuiling."). A reader takes the heading along when
 * reading them: of two passages whose sentences hold the question alike, the one under a heading
 * naming what was asked is about it. A heading that holds none of the question's words gives nothing.
 */
export function headingWeight(hit: SearchHit, question: QuestionWeight): number {
  const heading = hit.passage.section?.trim();
  // Analysed as at ingest (OCR-damaged words get their repaired term too), so the store's word memory
  // already knows its words: answering the first questions never waits for the Dutch word list.
  return heading ? question.heldEach(new Set(analyzeText(heading))) : 0;
}
