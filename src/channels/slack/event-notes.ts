import type { EventInbox } from "../ports.js";

/** Where Slack's events are kept in the inbox: `slack:<event id>`, `slack:command:<trigger id>`. */
export const KEY_PREFIX = "slack:";

/**
 * The inbox key of a delivery: Events API deliveries by their event id, slash commands by their trigger
 * id (unique per invocation); other requests (buttons, modals) are not kept: they are acknowledged after their commit.
 */
export function inboxKey(body: unknown): string | undefined {
  const b = body as { type?: string; event_id?: string; command?: string; trigger_id?: string };
  if (b.type === "event_callback" && b.event_id) return `${KEY_PREFIX}${b.event_id}`;
  return b.command && b.trigger_id ? `${KEY_PREFIX}command:${b.trigger_id}` : undefined;
}

/** The field of a kept event's body with what its listeners noted (not a field Slack sends). */
const NOTES = "vliegwiel_notes";

/**
 * Notes what a step of handling an event came to in its inbox row, beside the event: a replay after a
 * stop (which hands the kept body to the listeners) reads it back with `noteOf` instead of doing the step
 * again, when doing it again would come to something else (a file read in twice is "unchanged" the second
 * time). Gone with the body once the event is done. Without an inbox, or for a delivery it does not keep, nothing is noted.
 */
export function noteInEvent(inbox: EventInbox | undefined, body: unknown, name: string, value: string): void {
  const key = inboxKey(body);
  if (!inbox || !key) return;
  const event = body as Record<string, unknown>;
  event[NOTES] = { ...notesOf(event), [name]: value };
  inbox.rewrite(key, event);
}

/** What was noted under `name` for this event by an earlier try, if anything. */
export function noteOf(body: unknown, name: string): string | undefined {
  return notesOf(body as Record<string, unknown>)[name];
}

function notesOf(event: Record<string, unknown>): Record<string, string> {
  const notes = event[NOTES];
  return typeof notes === "object" && notes !== null ? (notes as Record<string, string>) : {};
}
