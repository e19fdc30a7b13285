/**
 * "Nuttig" / "Niet nuttig" carry the question their answer answered in the button's value, so a press
 * is tied to the answer it sits under, not to the thread's first question. Slack keeps a button's
 * value up to 2000 characters; a longer question is kept to its start.
 */
const PREFIX = "vraag:";
const VALUE_LIMIT = 2000;

/** The value of a feedback button under the answer to `question` (the action's name when unknown). */
export function feedbackValue(action: string, question: string | undefined): string {
  return question ? `${PREFIX}${question}`.slice(0, VALUE_LIMIT) : action;
}

/** The question a feedback button's value carries; undefined for buttons posted before they carried one. */
export function questionInFeedbackValue(value: string | undefined): string | undefined {
  return value?.startsWith(PREFIX) ? value.slice(PREFIX.length) : undefined;
}
