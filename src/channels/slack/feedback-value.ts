/**
 * "Nuttig" / "Niet nuttig" carry the question their answer answered in the button's value, so a press
 * is tied to the answer it sits under, not to the thread's first question. Slack keeps a button's
 * value up to 2000 characters; a longer question is kept to its start.
 */
import { escapeSlack, fromSlack } from "./slack-escape.js";

const PREFIX = "vraag:";
const VALUE_LIMIT = 2000;

/** The value of a feedback button under the answer to `question` (the action's name when unknown). */
export function feedbackValue(action: string, question: string | undefined): string {
  // Escaped like every text of a person that goes to Slack (never markup, also where nobody sees it).
  return question ? `${PREFIX}${escapeSlack(question)}`.slice(0, VALUE_LIMIT).replace(/&[a-z]{0,3}$/, "") : action;
}

/** The question a feedback button's value carries; undefined for buttons posted before they carried one. */
export function questionInFeedbackValue(value: string | undefined): string | undefined {
  return value?.startsWith(PREFIX) ? fromSlack(value.slice(PREFIX.length)) : undefined;
}
