import { foldDiacritics } from "../text/fold.js";

/**
 * A request to do the asker's own work with them: help writing or filling in their application, read or
 * check their plan, think along about their situation ("kunnen jullie me helpen met een subsidieaanvraag
 * schrijven?", "wil iemand onze begroting even nakijken?", "can someone review our plan?"). Documents can
 * say how others did it, not do it with them: such a request leans to a person unless a passage plainly
 * answers it. A question about how to do something ("hoe schrijf je een subsidieaanvraag?") is no such
 * request.
 */
/**
 * People asked to help ("kunnen jullie ons helpen", "kan iemand bij ons langskomen"); the assistant itself
 * ("kun je me helpen met vrijwilligers vinden?") helps by answering, so only work it cannot do counts for it.
 */
const ASKS_PEOPLE = /\b(?:kun|kan|kunnen|wil|wilt|willen|zou|zouden)\s+(?:jullie|iemand|er iemand)\s+(?:me|mij|ons)?\s*(?:bij\s+(?:ons|mij|me)\s+)?(?:even\s+|eens\s+|misschien\s+)?(?:helpen|meehelpen|langskomen|langs\s+komen|komen\s+helpen|meekijken|meelezen|meedenken|nakijken|checken|controleren|doorlezen|bekijken)\b/;
const ASKS_CHECK = /\b(?:kun|kan|kunnen|wil|wilt|willen|zou|zouden)\s+(?:jij|je|u)\s+(?:me|mij|ons)?\s*(?:bij\s+(?:ons|mij|me)\s+)?(?:even\s+|eens\s+|misschien\s+)?(?:langskomen|langs\s+komen|meelezen|nakijken|checken|controleren|doorlezen)\b/;
const HELP_WITH_OWN_WORK = /\b(?:help|helpen|hulp)\s+(?:me\s+|mij\s+|ons\s+)?(?:met|bij)\s+(?:het\s+|een\s+|mijn\s+|onze?\s+)?(?:[\p{L}-]+\s+)?(?:schrijven|invullen|opstellen|nakijken|indienen)\b/u;
const CHECK_OWN = /\b(?:mijn|onze?)\s+(?:[\p{L}-]+\s+){1,2}(?:nakijken|doorlezen|meelezen|checken|controleren)\b/u;
const LOOK_ALONG = /\b(?:jij|jullie|je|u|iemand)\s+(?:me\s+|mij\s+|ons\s+)?(?:even\s+|eens\s+)?mee\s+(?:kunnen\s+|willen\s+)?(?:kijken|lezen|denken)\b/;
const ENGLISH = /\b(?:can|could|would)\s+(?:you|someone|somebody|anyone)\s+(?:help\s+(?:me|us)\s+(?:to\s+)?(?:write|fill|draft|check|review)|review|check|read)\b/;

/** Whether a message asks for someone to help do the asker's own work. */
export function asksForHandsOnHelp(question: string): boolean {
  const text = foldDiacritics(question.toLowerCase());
  return ASKS_PEOPLE.test(text) || ASKS_CHECK.test(text) || HELP_WITH_OWN_WORK.test(text) || CHECK_OWN.test(text) || LOOK_ALONG.test(text) || ENGLISH.test(text);
}
