import type Database from "better-sqlite3";
import { forgetFeedback, questionsAskedBy } from "./forget-feedback.js";
import { forgetHelper, type HelperIdentity } from "./forget-helper.js";
import { forgetWords } from "./forget-words.js";
import { anonymiseHandoffs } from "./personal-data.js";
import { SqliteInitiativeDirectory } from "./sqlite-initiative-directory.js";
import { SqliteIntroductionRepository } from "./sqlite-introduction-repository.js";
import { forgetLessonsOf } from "./sqlite-lesson-repository.js";
import { parsePersonRef } from "./person-ref.js";

export type ForgetResult = {
  questions: number; conversationTurns: number; webMessages: number; feedback: number; handoffs: number; other: number; initiatives: number; introductions: number; lessons: number;
  /** Rows where they appeared as a helper (tolk, vrije actor, coordinator): claims, answers, mentions, audit, team links. */
  helped: number;
};

/**
 * Removes or anonymises one person's data everywhere (AVG right to erasure): their questions, their
 * conversations and web chat messages, feedback in them, token use, and their handoffs (anonymised,
 * stopped when still under way, their pending messages and timers dropped), and them as a contact in
 * the initiatievengids (a profile they made that is left without contacts goes too). One transaction.
 */
export function forgetPerson(db: Database.Database, ref: string, now: Date = new Date(), helper?: HelperIdentity): ForgetResult {
  const { channel, userId } = parsePersonRef(ref);
  // What is deleted is overwritten with zeros, not left readable in the file's free space; and the
  // write-ahead log, which held the old pages, is emptied after (as far as no reader holds it).
  const secureDelete = db.pragma("secure_delete", { simple: true });
  db.pragma("secure_delete = ON");
  try {
    return forgetIn(db, channel, userId, now, { ...helper, ids: [userId, ...(helper?.ids ?? [])], names: helper?.names ?? [] });
  } finally {
    db.pragma(`secure_delete = ${["OFF", "ON", "FAST"][Number(secureDelete)] ?? "FAST"}`);
    db.pragma("wal_checkpoint(TRUNCATE)");
  }
}

/** The handoffs a person asked (before they are anonymised): for their approved answers. */
export function handoffsAskedBy(db: Database.Database, ref: string): Array<{ id: string; theme?: string; askerName: string; question?: string }> {
  const { channel, userId } = parsePersonRef(ref);
  const rows = db
    .prepare("SELECT id, theme, json_extract(data, '$.asker.name') AS askerName, json_extract(data, '$.question') AS question FROM handoffs WHERE asker_channel = ? AND json_extract(data, '$.asker.userId') = ?")
    .all(channel, userId) as Array<{ id: string; theme: string | null; askerName: string | null; question: string | null }>;
  return rows.map((r) => ({ id: r.id, theme: r.theme ?? undefined, askerName: r.askerName ?? "", question: r.question || undefined }));
}

function forgetIn(db: Database.Database, channel: string, userId: string, now: Date, helper: HelperIdentity): ForgetResult {
  const person = `${channel}:${userId}`;
  return db.transaction(() => {
    const handoffIds = handoffsAskedBy(db, person).map((h) => h.id);
    const conversations = db
      .prepare(
        `SELECT conversation_id FROM conversation_turns WHERE channel = ? AND user_id = ?
         UNION SELECT asker_conversation FROM handoffs WHERE asker_channel = ? AND json_extract(data, '$.asker.userId') = ?
         UNION SELECT conversation_id FROM web_messages WHERE ? = 'web' AND user_id = ?`,
      )
      .pluck()
      .all(channel, userId, channel, userId, channel, userId) as string[];
    const inConversations = `conversation_id IN (SELECT value FROM json_each(?))`;
    const list = JSON.stringify(conversations);
    const count = (sql: string, ...params: unknown[]) => db.prepare(sql).run(...params).changes;

    // Before their questions are cleared: their votes go, others' lose the forgotten person's question.
    const asked = questionsAskedBy(db, channel, userId, handoffIds);
    const feedback = forgetFeedback(db, channel, userId, conversations, asked);
    // The word memory's checks of their words (an approved answer held their question): a cache, checked again when needed.
    const askerNames = handoffsAskedBy(db, person).map((h) => h.askerName);
    let other = forgetWords(db, [...asked, ...askerNames]);
    const questions = count("UPDATE question_log SET question = '', asker = NULL, top_source = NULL WHERE asker = ?", person);
    const conversationTurns = count("DELETE FROM conversation_turns WHERE channel = ? AND user_id = ?", channel, userId);
    // The web chat's conversations are the asker's own; their handoff threads go with the handoffs below.
    const webMessages = channel === "web" ? count(`DELETE FROM web_messages WHERE ${inConversations}`, list) : 0;
    other += count("DELETE FROM model_usage WHERE user_id = ?", person);
    other += count(`DELETE FROM helper_reply_choices WHERE channel = ? AND ${inConversations}`, channel, list);
    // Their platform events not yet handled (a handled event keeps only its key; see event-inbox.ts): by
    // who it is from (a Discord message's row holds the answer composed for them, not them), else by their id in it.
    other += count(
      "DELETE FROM event_inbox WHERE done_at IS NULL AND (person = ? OR (substr(key, 1, length(?)) = ? AND instr(body, ?) > 0))",
      person, `${channel}:`, `${channel}:`, JSON.stringify(userId),
    );

    const at = now.toISOString();
    for (const id of handoffIds) {
      // What was posted for its messages first (it refers to them), then the messages themselves.
      other += count("DELETE FROM handoff_posts WHERE effect_id IN (SELECT id FROM handoff_outbox WHERE handoff_id = ?)", id);
      other += count("DELETE FROM handoff_outbox WHERE handoff_id = ?", id);
      other += count("DELETE FROM handoff_timers WHERE handoff_id = ?", id);
      // A question still under way stops: nobody can answer a person who is forgotten.
      db.prepare(
        `UPDATE handoffs SET status = CASE status WHEN 'awaiting_consent' THEN 'expired' WHEN 'open' THEN 'resolved' WHEN 'claimed' THEN 'resolved' ELSE status END,
         updated_at = ? WHERE id = ?`,
      ).run(at, id);
      db.prepare("UPDATE handoffs SET data = json_set(data, '$.status', status) WHERE id = ?").run(id);
    }
    anonymiseHandoffs(db, handoffIds);
    const audit = db.prepare("INSERT INTO handoff_events (handoff_id, type, outcome, data, at) VALUES (?, 'forgotten', 'ok', '{}', ?)");
    for (const id of handoffIds) audit.run(id, at);
    const initiatives = new SqliteInitiativeDirectory(db, () => now).forgetPerson({ platform: channel, userId });
    // Their introductions keep only what the signals count: question, names and ids go, nothing more is sent.
    const introductions = new SqliteIntroductionRepository(db).forgetPerson(channel, userId);
    // What they learned from an introduction: their name goes, and the text unless it is in the knowledge store.
    const lessons = forgetLessonsOf(db, channel, userId);
    // Where they helped others: claims, answers and mentions stay, under "anoniem"; their team links go.
    const helped = forgetHelper(db, helper, now);
    return { questions, conversationTurns, webMessages, feedback, handoffs: handoffIds.length, other, initiatives, introductions, lessons, helped };
  })();
}
