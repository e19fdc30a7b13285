import type Database from "better-sqlite3";

/** A question cut to a limit is still the same question: a shared start of at least this many characters. */
const SAME_START = 20;

/**
 * One person's "Nuttig" / "Niet nuttig" (kennis -- vergeet): their own votes go; in their conversations,
 * a vote from before votes carried their presser (no user id) goes too, and another person's vote stays
 * but loses the question when it is the forgotten person's (`theirs`: questionsAskedBy, read before
 * their questions are cleared). Returns the rows changed.
 */
export function forgetFeedback(db: Database.Database, channel: string, userId: string, conversations: readonly string[], theirs: readonly string[]): number {
  const list = JSON.stringify(conversations);
  const inConversations = "conversation_id IN (SELECT value FROM json_each(?))";
  let changed = db
    .prepare(`DELETE FROM feedback WHERE channel = ? AND (user_id = ? OR (user_id IS NULL AND ${inConversations}))`)
    .run(channel, userId, list).changes;
  const others = db
    .prepare(`SELECT id, question FROM feedback WHERE channel = ? AND question IS NOT NULL AND ${inConversations}`)
    .all(channel, list) as Array<{ id: number; question: string }>;
  // The marks that count one vote per person and answer end in the presser's id: theirs go too.
  changed += db
    .prepare("DELETE FROM processed_deliveries WHERE channel = ? AND substr(delivery_id, -length(?) - 1) = ':' || ?")
    .run(`${channel}-feedback`, userId, userId).changes;
  const clear = db.prepare("UPDATE feedback SET question = NULL WHERE id = ?");
  for (const row of others) if (theirs.some((text) => sameQuestion(normalised(text), normalised(row.question)))) changed += clear.run(row.id).changes;
  return changed;
}

/** Everything the person asked, as far as it is still kept (question log, conversation turns, handoffs), normalised for comparing. */
export function questionsAskedBy(db: Database.Database, channel: string, userId: string, handoffIds: readonly string[]): string[] {
  const texts = [
    ...(db.prepare("SELECT question FROM question_log WHERE asker = ? AND question <> ''").pluck().all(`${channel}:${userId}`) as string[]),
    ...(db.prepare("SELECT question FROM conversation_turns WHERE channel = ? AND user_id = ?").pluck().all(channel, userId) as string[]),
    ...(db
      .prepare("SELECT t.value FROM handoffs h, json_each(json_array(json_extract(h.data, '$.question'), json_extract(h.data, '$.typed'))) t WHERE h.id IN (SELECT value FROM json_each(?)) AND t.value IS NOT NULL")
      .pluck()
      .all(JSON.stringify(handoffIds)) as string[]),
  ];
  return [...new Set(texts.map(normalised).filter(Boolean))];
}

function normalised(text: string): string {
  return text.toLowerCase().replace(/\s+/g, " ").trim();
}

function sameQuestion(a: string, b: string): boolean {
  if (a === b) return true;
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return shorter.length >= SAME_START && longer.startsWith(shorter);
}
