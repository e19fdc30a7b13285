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
/**
 * How Dutch texts give a reason without a word of cause: they name the problem ("Het grote probleem is
 * netcongestie."), the aim ("Dat is een bewuste keuze: het gaat er ook om dat mensen leren …", "met als
 * doel", "bedoeld om") or what someone saw that set them going ("Ze merkte dat …").
 */
const REASON_IN_OTHER_WORDS = /\b(?:(?:het|ons|een) (?:grote |grootste |belangrijkste )?(?:probleem|knelpunt) is|het gaat (?:er )?(?:\p{L}+ )?om dat|bewuste keuze|merkten? dat|zagen? dat|met als doel|bedoeld om|de bedoeling|om te voorkomen)\b/u;
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
  const first = traitsOf(sentences[0]!);
  if (list) {
    const label = first.labelTerms();
    if (label && question.heldEach(label) > 0) return BONUS;
  }
  if (form === "why" && sentences.some((s) => traitsOf(s).reason())) return BONUS;
  if (form === "howto" && sentences.some((s) => traitsOf(s).advice())) return BONUS;
  if (form === "definition") {
    const subject = first.subjectTerms();
    if (subject && question.heldEach(subject) > 0) return BONUS;
  }
  return 1;
}

/** What a sentence's shape says, each part worked out when first asked and kept with the sentence. */
type Traits = {
  reason(): boolean;
  advice(): boolean;
  /** The terms of the label before a colon ("Uitgangspunten: …"), if it has one. */
  labelTerms(): ReadonlySet<string> | undefined;
  /** The terms before the verb of "X is …", if it says what something is. */
  subjectTerms(): ReadonlySet<string> | undefined;
};

const traits = new WeakMap<object, Traits>();

/**
 * The shape of a sentence, kept for the sentence object: a passage's sentences are cached (see
 * passage-sentences.ts), so ranking and quoting read each sentence's shape once, not per window.
 */
function traitsOf(sentence: { text: string }): Traits {
  let own = traits.get(sentence);
  if (own) return own;
  const memo = <T>(work: () => T): (() => T) => {
    let done = false;
    let value: T;
    return () => (done ? value! : ((done = true), (value = work())));
  };
  const folded = memo(() => foldDiacritics(sentence.text));
  own = {
    reason: memo(() => REASON.test(folded()) || REASON_IN_OTHER_WORDS.test(folded())),
    advice: memo(() => givesAdvice(sentence.text)),
    labelTerms: memo(() => {
      const label = LABEL.exec(sentence.text)?.[1];
      return label ? new Set(analyzeText(label)) : undefined;
    }),
    subjectTerms: memo(() => (SAYS_WHAT_IT_IS.test(folded()) ? new Set(analyzeText(sentence.text.split(SAYS_WHAT_IT_IS_VERB)[0] ?? "")) : undefined)),
  };
  traits.set(sentence, own);
  return own;
}

const SAYS_WHAT_IT_IS_VERB = /\s(?:is|zijn|betekent|betekenen|houdt in|staat voor|wordt|worden)\s/;
