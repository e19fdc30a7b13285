import { analyzeText } from "../text/analyzer.js";
import { foldDiacritics } from "../text/fold.js";
import type { QuestionWeight } from "../retrieval/question-weight.js";
import { asksHow, givesAdvice } from "./advice-shape.js";

/** What a question asks, as far as the shape of its answer goes. */
export type QuestionForm = "why" | "definition" | "howto" | "other";

const WHY = /^(?:\S+\s+){0,6}?(?:waarom|hoezo|waardoor|om welke reden|wat is de reden|why)\b/;
const DEFINITION = /^(?:\S+\s+){0,3}?(?:wat|wie)\s+(?:is|zijn|betekent|bedoelen ze met|verstaan ze onder|verstaat men onder)\b/;

/**
 * The form of a question: a why-question wants a reason, "wat is X" a sentence saying what X is, a
 * how-question ("hoe pak je …", "wat kunnen we doen") advice or a step.
 */
export function questionForm(question: string): QuestionForm {
  const folded = foldDiacritics(question.trim());
  if (WHY.test(folded)) return "why";
  if (DEFINITION.test(folded)) return "definition";
  if (asksHow(folded)) return "howto";
  return "other";
}

/** Words that give a reason or a cause. */
const REASON = /\b(?:omdat|want|doordat|daardoor|hierdoor|daarom|vanwege|oorzaak|oorzaken|reden|redenen|zodat|dankzij|gevolg|leidt tot|leiden tot|komt door|door gebrek aan|het punt is)\b/;
/** "X is …", "X zijn …", "X betekent …": the verb early, after the subject. */
const SAYS_WHAT_IT_IS = /^(?:\S+\s+){1,6}?(?:is|zijn|betekent|betekenen|houdt in|staat voor|wordt|worden)\s/;
/** A line labelled with what it lists: "Uitgangspunten: …", "Functies voor het samenwerkingsverband:". */
const LABEL = /^([^:]{3,80}):/;

const BONUS = 1.3;

/**
 * How well a run of sentences has the shape of the answer asked for, as a factor on its score: a list
 * question is answered by a list labelled with the thing asked about, a why-question by a sentence that
 * gives a reason, "wat is X" by a sentence that says what X is, a how-question by advice or a step.
 */
export function shapeFactor(sentences: readonly { text: string }[], question: QuestionWeight, form: QuestionForm, list: boolean): number {
  const first = sentences[0]!.text;
  if (list) {
    const label = LABEL.exec(first)?.[1];
    if (label && question.heldEach(new Set(analyzeText(label))) > 0) return BONUS;
  }
  const folded = sentences.map((s) => foldDiacritics(s.text));
  if (form === "why" && folded.some((s) => REASON.test(s))) return BONUS;
  if (form === "howto" && sentences.some((s) => givesAdvice(s.text))) return BONUS;
  if (form === "definition" && SAYS_WHAT_IT_IS.test(folded[0]!) && question.heldEach(new Set(analyzeText(first.split(SAYS_WHAT_IT_IS_VERB)[0] ?? ""))) > 0) return BONUS;
  return 1;
}

const SAYS_WHAT_IT_IS_VERB = /\s(?:is|zijn|betekent|betekenen|houdt in|staat voor|wordt|worden)\s/;
