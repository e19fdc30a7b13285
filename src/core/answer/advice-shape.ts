import { foldDiacritics } from "../text/fold.js";
import { DUTCH_STOPWORDS } from "../text/stopwords.js";

/**
 * How Dutch texts give advice or steps, for questions that ask how to do something or what to do
 * ("hoe pak je …", "wat kunnen we doen", "moeten we …"). Advice is written as an imperative
 * ("Organiseer …", "Betrek …", "Stel je niet op als …"), with "zorg dat / zorg voor", "het is
 * belangrijk om …", "tip:", "… is erbij gebaat om …", or as steps ("begin met …", "eerst …, daarna …").
 */

/** A question asking how to do something or what to do: the answer is advice or a step. */
const HOW = /\bhoe\b(?!\s+(?:veel|lang|laat|groot|vaak|oud|ver|zit|heet|heten|kijk|kijkt|kijken)\b)|\bwat\s+(?:kan|kun|kunnen|moet|moeten|zou|zouden|doe|doen)\b.*\bdoen\b|\bwat nu\b|\b(?:tips?|advies|adviezen|aanpak|stappenplan)\b|^(?:\S+\s+){0,2}?(?:moet|moeten|kan|kun|kunnen|zal|zullen)\s+(?:ik|we|wij|je|jullie)\b/;

export function asksHow(foldedQuestion: string): boolean {
  return HOW.test(foldedQuestion.toLowerCase());
}

/** Phrases that give advice or a step, wherever they stand in the sentence. */
const ADVICE_PHRASE = /\b(?:zorg\s+(?:er\s*voor\s+|ervoor\s+)?(?:dat|voor)|(?:het\s+)?is\s+(?:belangrijk|goed|verstandig|raadzaam|nodig|handig|zinvol|slim|aan\s+te\s+raden)\s+(?:om|dat|te)|(?:is|zijn)\s+(?:er\s*bij|erbij|ermee)\s+gebaat|aanbeveling|(?:raden|adviseren)\s+(?:we|wij|ik|zij|ze)\b|begin\s+(?:met|bij)|(?:je|jullie|u|we|wij)\s+(?:kunt|kan|kunnen|moet|moeten)\s+(?:beter|het\s+best|het\s+beste|eerst)|stap\s+\d)\b|^(?:tip|tips|advies|aanbeveling):/;

/** Words that open a statement rather than a command, although they are not stop words. */
const NOT_A_COMMAND = new Set(["soms", "vaak", "samen", "verder", "daarnaast", "tot", "ook", "nu", "toen", "hier", "daar", "welkom", "doel", "punt", "gevolg", "kortom", "bijvoorbeeld", "helaas", "gelukkig", "onderdeel"]);
/** Finite verbs and words that follow a subject or a noun, not a command's first word. */
const AFTER_A_SUBJECT = new Set([
  "is", "zijn", "was", "waren", "wordt", "worden", "werd", "werden", "heeft", "hebben", "had", "hadden", "kan", "kunnen", "moet",
  "moeten", "zal", "zullen", "zou", "zouden", "wil", "willen", "mag", "mogen", "blijft", "blijkt", "lijkt", "gaat", "komt", "staat",
  "ligt", "van", "en", "of", "die", "dat", "waarmee", "waarin", "waarbij", "uit",
]);
/** Endings of nouns, plurals, infinitives and adjectives; a Dutch command (the verb's stem) ends otherwise. */
const NOT_A_STEM = /(?:en|s|heid|ing|tie|sie|teit|schap|isme|ist|ie|ief|iek|je|er|aar|ig|lijk|isch|e)$/;

/**
 * Whether a sentence (or a list item in it) opens with a command: a first word that can be a verb's stem,
 * not a stop word or a noun's ending, followed by a lower-case word that does not follow a subject
 * ("Organiseer escalatie …", "Stel je niet op als …"; not "Doel is …", "Vrijwilligers zijn …").
 */
export function opensWithCommand(sentence: string): boolean {
  const words = sentence.replace(/^(?:[-•*–o]|\d+[.)])\s+/, "").split(/\s+/);
  const [first, second] = [words[0] ?? "", words[1] ?? ""];
  if (!/^\p{Lu}\p{Ll}{1,15}$/u.test(first) || !/^\p{Ll}/u.test(second)) return false;
  const verb = foldDiacritics(first.toLowerCase());
  const next = foldDiacritics(second.toLowerCase()).replace(/[^\p{L}']/gu, "");
  if (DUTCH_STOPWORDS.has(verb) || NOT_A_COMMAND.has(verb) || AFTER_A_SUBJECT.has(next)) return false;
  return verb.endsWith("eer") || !NOT_A_STEM.test(verb);
}

/** Whether a sentence gives advice or a step: a command, or one of the phrases advice is written in. */
export function givesAdvice(sentence: string): boolean {
  return opensWithCommand(sentence) || ADVICE_PHRASE.test(foldDiacritics(sentence.toLowerCase()));
}
