import type Database from "better-sqlite3";
import type { Handoff } from "../core/handoff/handoff-types.js";

/** Statuses in which the asker's question was never shared with a person. */
const UNSHARED = new Set<Handoff["status"]>(["declined", "expired"]);

/**
 * A question the asker did not share (declined, or no answer to the consent question) is not kept
 * as text: the handoff keeps its status and theme, the question log a line without the question, and
 * the conversation (and the web chat's history) forgets it. Returns the handoff as it is to be stored. Runs inside the caller's transaction.
 */
export function withoutUnsharedText(db: Database.Database, handoff: Handoff): Handoff {
  if (!UNSHARED.has(handoff.status) || !handoff.question) return handoff.typed && handoff.status !== "awaiting_consent" ? withoutTyped(handoff) : handoff;
  const { channel, userId, conversationId } = handoff.asker;
  db.prepare(
    `UPDATE question_log SET question = '' WHERE asker = ? AND decision = 'handoff' AND question <> ''
     AND substr(?, 1, length(question)) = question`,
  ).run(`${channel}:${userId}`, handoff.question);
  // The question as passed on, and as typed where that differs (cut to length, a follow-up rewritten).
  for (const text of [handoff.question, handoff.typed].filter((t): t is string => !!t)) {
    db.prepare(
      "DELETE FROM conversation_turns WHERE channel = ? AND conversation_id = ? AND instr(?, question) > 0",
    ).run(channel, conversationId, text);
    // The web chat's own copy of what the asker typed (its history) goes too.
    if (channel === "web") {
      db.prepare("DELETE FROM web_messages WHERE conversation_id = ? AND author = 'vrager' AND text <> '' AND instr(?, text) > 0").run(conversationId, text);
    }
  }
  return { ...withoutTyped(handoff), question: "" };
}

/** The typed text serves only to forget an unshared question: once consent is given, it goes. */
function withoutTyped(handoff: Handoff): Handoff {
  const { typed: _typed, ...rest } = handoff;
  return rest;
}
