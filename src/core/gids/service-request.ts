import { foldDiacritics } from "../text/fold.js";

/**
 * A request for a service: someone to do a job for the asker ("wie kan onze omvormer komen maken?",
 * "kent iemand iemand die ons orgel kan repareren?", "kan iemand een touringcar voor ons regelen?",
 * "wie kan ons helpen aan een bus?"). It asks who will do it, not who has done it. The gids suggests
 * initiatives to learn from ("Dit hebben anderen al gedaan: …"), so such a question gets none, unless it
 * also asks for experience or for telling ("wie doet dat al en kan ons op weg helpen?", "wie kan ons
 * vertellen hoe…"). General Dutch (and English) phrasing of requests; no topic words.
 */

/** Verbs of a job done for someone (infinitives after a modal verb; not a noun as in "helpen met het regelen van"). */
const JOB = String.raw`(?<!\bhet )(?:repareren|maken|fixen|nakijken|controleren|regelen|installeren|leveren|bezorgen|brengen|ophalen|komen|langskomen|lenen|uitlenen|verhuren|fix|repair|mend|lend|deliver|install)`;
/** Modals of being able ("wie kan"), not of wanting: "wie wil met ons een buurtbus regelen" asks who joins in. */
const MODAL = String.raw`(?:kan|kun|kunt|kunnen|zou|zouden|can|could|would)`;
const WHO = String.raw`(?:wie|iemand|who|anyone|someone|somebody)`;
const OBJECT = String.raw`(?:ons|mij|me|jullie|us)`;

const REQUESTS: RegExp[] = [
  // "wie kan dat komen maken", "iemand die … kan repareren" is below; "kan iemand … voor ons regelen"
  new RegExp(String.raw`\b${WHO}(?: \w+)? ${MODAL}\b(?: \w+){0,8} ${JOB}\b`),
  new RegExp(String.raw`\b${MODAL} ${WHO}\b(?: \w+){0,8} ${JOB}\b`),
  // "kent iemand vrijwilligers die zo'n orgel kunnen repareren", "we zoeken iemand die … kan nakijken"
  new RegExp(String.raw`\b(?:ken|kent|kennen|weet|weten|zoek|zoeken|know|knows)\b(?: \w+){1,4} (?:die|who|that)\b(?: \w+){0,6} ${MODAL}(?: \w+)? ${JOB}\b`),
  // "wie kan ons helpen aan een bus" (to get one; "helpen met kanotochten" may well ask for experience)
  new RegExp(String.raw`\b${WHO} ${MODAL}(?: ${OBJECT})? (?:helpen aan|help (?:us |me )?(?:to )?get)\b`),
];

/**
 * Words that ask for experience or knowledge, not for a job: any of them makes it no service request.
 * Starting or setting something up ("wie kan ons helpen een buurtbus op te zetten") is learnt from others.
 */
const EXPERIENCE = new RegExp(
  String.raw`\b(?:ervaring\w*|gedaan|eerder|ooit|eens|anderen|vertellen|uitleggen|tips?|advies|adviseren|meedenken|weg|leren|zien|` +
    String.raw`opzetten|op te zetten|starten|beginnen|oprichten|op te richten|organiseren|aanpakken|aan te pakken|(?:zoiets|dat|dit|het|wie|die) (?:\w+ )?al|` +
    String.raw`experience|done|did|before|others|tell|explain|advice|advise|learn|show|start|set up|already)\b`,
);

function plain(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, " ").replace(/\s+/g, " ");
}

/** Whether a question asks for someone to do a job for the asker, and not for anyone's experience. */
export function asksForService(question: string): boolean {
  const text = plain(question);
  if (EXPERIENCE.test(text)) return false;
  return question.split(/(?<=[.?!;])\s+/).some((sentence) => REQUESTS.some((p) => p.test(plain(sentence))));
}
