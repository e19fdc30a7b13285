import type Database from "better-sqlite3";

/**
 * What an anonymised handoff keeps: its status, theme and dates; no question, asker, answers or findings,
 * and no names of the people it went to or who claimed it (that it was claimed stays).
 */
const ANONYMISED_HANDOFF = `json_replace(json_set(json_remove(data, '$.typed'),
  '$.question', '', '$.answers', json('[]'), '$.findings', json('[]'), '$.routedTo', json('[]'),
  '$.asker', json_object('userId', '', 'name', 'anoniem', 'channel', json_extract(data, '$.asker.channel'), 'conversationId', '')),
  '$.claimedBy', json_object('userId', '', 'name', 'anoniem'))`;

/** Removes the question, the asker and the answers from handoffs (their audit lines keep type, outcome and time). */
export function anonymiseHandoffs(db: Database.Database, ids: readonly string[]): void {
  const handoff = db.prepare(`UPDATE handoffs SET data = ${ANONYMISED_HANDOFF}, asker_conversation = '', thread_ref = NULL WHERE id = ?`);
  const events = db.prepare("UPDATE handoff_events SET data = '{}', actor = NULL, event_key = NULL WHERE handoff_id = ?");
  const thread = db.prepare("DELETE FROM web_messages WHERE conversation_id = ?");
  for (const id of ids) {
    handoff.run(id);
    events.run(id);
    thread.run(`handoff:${id}`);
  }
}
