import type Database from "better-sqlite3";
import { UNNAMED_ASKER } from "../core/conversation.js";
import { forgetWords } from "./forget-words.js";
import { shortNameReplacer, shortNames } from "./short-names.js";

/**
 * A tolk, vrije actor or coordinator to forget: every id they act under (the roster id, their user ids
 * on chat platforms) and the names they were shown with.
 */
export type HelperIdentity = {
  ids: readonly string[];
  names: readonly string[];
  /** Their roster id, among `ids`: it may be a word ("coordinator"), so it is found where it stands as an id, never in text. */
  rosterId?: string;
};

/** What a forgotten helper is called where a name stays needed (who claimed, who answered). */
export const ANONYMOUS_HELPER = "anoniem";

/** A name shorter than this is searched for inside texts only by short-names.ts's narrower rule (it may be an ordinary word). */
const SHORTEST_NAME = 3;
/** A platform id this long is searched for inside texts too (Slack's U…, Discord's long numbers); a roster id never is. */
const SHORTEST_TEXT_ID = 6;

/**
 * Forgets a person who helped askers (kennis -- vergeet of a tolk): their ids and names go from the
 * handoffs (who claimed, who was mentioned, who answered), the audit trail, the messages waiting or
 * sent, the team view's and the web chat's copies; what they wrote stays, as the asker's answer, under
 * "anoniem"; their team links and sessions go. A handoff they still had claimed is open again (its
 * thread's head too), with a reminder due at once, so someone else picks it up. Runs inside the caller's transaction. Returns the rows changed.
 */
export function forgetHelper(db: Database.Database, who: HelperIdentity, now: Date): number {
  const ids = new Set(who.ids.filter(Boolean));
  if (ids.size === 0) return 0;
  const allNames = helperNames(db, who);
  const names = new Set(allNames.filter((n) => n.length >= SHORTEST_NAME));
  const short = shortNames(allNames);
  const textIds = [...ids].filter((id) => isTextId(id) && id !== who.rosterId);
  // A name of one word ("Roos") may be someone's or something else's: it is replaced only in the handoffs
  // they took part in (and their chat threads); a full name and a platform id everywhere. A name of two
  // letters ("Bo") only there too, and only with its capital (short-names.ts).
  const own = ownHandoffs(db, ids);
  const scrubOwn = scrubber(ids, textIds, names, short);
  const scrubOther = scrubber(ids, textIds, new Set([...names].filter((n) => /\s/.test(n))), []);
  const inOwn = (isOwn: (row: Record<string, unknown>) => boolean) => (row: Record<string, unknown>) => (isOwn(row) ? scrubOwn : scrubOther);
  const needles = [...[...ids].map((id) => `"userId":${JSON.stringify(id)}`), ...textIds, ...names, ...short];
  let changed = releaseClaims(db, ids, now);
  changed += rewriteRows(db, "handoffs", "id", ["data"], needles, inOwn((row) => own.handoffs.has(row.id as string)));
  const ofOwnHandoff = inOwn((row) => own.handoffs.has(row.handoff_id as string));
  changed += rewriteRows(db, "handoff_events", "id", ["data"], needles, ofOwnHandoff, "handoff_id");
  changed += rewriteRows(db, "handoff_outbox", "id", ["effect", "last_error"], needles, ofOwnHandoff, "handoff_id");
  changed += rewriteRows(db, "web_messages", "id", ["author", "text"], needles, inOwn((row) => own.conversations.has(row.conversation_id as string)), "conversation_id");
  const idList = JSON.stringify([...ids]);
  changed += db.prepare("UPDATE handoff_events SET actor = NULL WHERE actor IN (SELECT value FROM json_each(?))").run(idList).changes;
  for (const id of textIds) {
    changed += db.prepare("UPDATE handoff_events SET event_key = NULL WHERE instr(event_key, ?) > 0").run(id).changes;
  }
  // Who decided on a lesson or acted in an introduction, under a bare id or "<platform>:<id>".
  for (const table of ["lesson_events", "introduction_events"]) {
    for (const id of ids) changed += db.prepare(`UPDATE ${table} SET actor = NULL WHERE actor = ? OR substr(actor, -length(?) - 1) = ':' || ?`).run(id, id, id).changes;
  }
  changed += forgetWords(db, [...names]);
  changed += db.prepare("DELETE FROM team_sessions WHERE member_id IN (SELECT value FROM json_each(?))").run(idList).changes;
  changed += db.prepare("DELETE FROM team_links WHERE member_id IN (SELECT value FROM json_each(?))").run(idList).changes;
  return changed;
}

/**
 * Their names: the roster's, and those the handoffs knew them by (a name on the roster may have changed since);
 * not "de vrager", which every asker without a name of their own is called (the handoffs know them as askers too).
 * Short names (two letters) are among them: who replaces them keeps to short-names.ts's narrower rule.
 */
export function helperNames(db: Database.Database, who: HelperIdentity): string[] {
  const found = [...who.names, ...namesInHandoffs(db, new Set(who.ids.filter(Boolean)))];
  return [...new Set(found.filter((n) => (n.length >= SHORTEST_NAME || shortNames([n]).length > 0) && n !== ANONYMOUS_HELPER && n !== UNNAMED_ASKER))];
}

/** The names the handoffs knew this person by. */
function namesInHandoffs(db: Database.Database, ids: ReadonlySet<string>): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (isTheirs(record, ids) && typeof record.name === "string") found.add(record.name);
    Object.values(record).forEach(visit);
  };
  const needles = JSON.stringify([...ids].map((id) => `"userId":${JSON.stringify(id)}`));
  for (const table of [["handoffs", "data"], ["handoff_events", "data"], ["handoff_outbox", "effect"]] as const) {
    const rows = db.prepare(`SELECT ${table[1]} FROM ${table[0]} WHERE EXISTS (SELECT 1 FROM json_each(?) n WHERE instr(${table[1]}, n.value) > 0)`).pluck().all(needles) as string[];
    for (const row of rows) visit(JSON.parse(row));
  }
  return [...found];
}

/** A handoff this person still has claimed is open again (without them), and the team is reminded at once. */
function releaseClaims(db: Database.Database, ids: ReadonlySet<string>, now: Date): number {
  const claimed = db
    .prepare("SELECT id FROM handoffs WHERE status = 'claimed' AND json_extract(data, '$.claimedBy.userId') IN (SELECT value FROM json_each(?))")
    .pluck()
    .all(JSON.stringify([...ids])) as string[];
  const at = now.toISOString();
  for (const id of claimed) {
    db.prepare("UPDATE handoffs SET status = 'open', version = version + 1, updated_at = ?, data = json_set(json_remove(data, '$.claimedBy'), '$.status', 'open') WHERE id = ?").run(at, id);
    db.prepare("INSERT INTO handoff_timers (handoff_id, kind, due_at) VALUES (?, 'reminder', ?) ON CONFLICT(handoff_id, kind) DO UPDATE SET due_at = excluded.due_at, parked_at = NULL").run(id, at);
    db.prepare("INSERT INTO handoff_events (handoff_id, type, outcome, data, at) VALUES (?, 'helper_forgotten', 'ok', '{}', ?)").run(id, at);
    // The thread's head shows it open again, with its claim button (delivered by the app, now or at its next start).
    db.prepare("INSERT INTO handoff_outbox (handoff_id, effect, created_at) VALUES (?, ?, ?)").run(id, JSON.stringify({ type: "update_thread", status: "open" }), at);
  }
  return claimed.length;
}

/** The handoffs this person acted in as a helper (their approved answers may be signed with a name of one word). */
export function handoffsHelpedBy(db: Database.Database, who: HelperIdentity): string[] {
  return [...ownHandoffs(db, new Set(who.ids.filter(Boolean))).handoffs];
}

/**
 * The handoffs this person acted in (claimed, answered, closed: being mentioned with the team is no part),
 * and their conversations and team threads.
 */
function ownHandoffs(db: Database.Database, ids: ReadonlySet<string>): { handoffs: Set<string>; conversations: Set<string> } {
  const theirs = (json: string) => `json_valid(${json}) AND ${json}->>'$.userId' IN (SELECT value FROM json_each(@ids))`;
  const rows = db.prepare(
    `SELECT id, asker_conversation, thread_ref FROM handoffs WHERE (${theirs("data->'$.claimedBy'")})
       OR id IN (SELECT handoff_id FROM handoff_events WHERE actor IN (SELECT value FROM json_each(@ids)) OR (${theirs("data->'$.by'")}))
       OR id IN (SELECT handoff_id FROM handoff_outbox WHERE (${theirs("effect->'$.from'")}) OR (${theirs("effect->'$.claimedBy'")}))`,
  ).all({ ids: JSON.stringify([...ids]) }) as Array<{ id: string; asker_conversation: string; thread_ref: string | null }>;
  return { handoffs: new Set(rows.map((r) => r.id)), conversations: new Set(rows.flatMap((r) => [r.asker_conversation, r.thread_ref ?? ""])) };
}

/** Rewrites the given text columns of every row that holds one of the needles (scrubbed as its row asks, `owner` only read); returns the rows changed. */
function rewriteRows(
  db: Database.Database, table: string, key: string, columns: readonly string[], needles: readonly string[],
  scrubOf: (row: Record<string, unknown>) => (text: string) => string, owner = key,
): number {
  const holds = columns.map((c) => `instr(${c}, n.value) > 0`).join(" OR ");
  const rows = db
    .prepare(`SELECT ${key} AS rowKey, ${owner}, ${columns.join(", ")} FROM ${table} WHERE EXISTS (SELECT 1 FROM json_each(?) n WHERE ${holds})`)
    .all(JSON.stringify(needles)) as Array<Record<string, unknown>>;
  const update = db.prepare(`UPDATE ${table} SET ${columns.map((c) => `${c} = ?`).join(", ")} WHERE ${key} = ?`);
  let changed = 0;
  for (const row of rows) {
    const scrub = scrubOf(row);
    const values = columns.map((c) => (typeof row[c] === "string" ? scrub(row[c] as string) : row[c]));
    if (values.every((v, i) => v === row[columns[i]!])) continue;
    changed += update.run(...values, row.rowKey).changes;
  }
  return changed;
}

/**
 * Takes a person out of a stored text: in JSON, a person object of theirs becomes "anoniem" without id
 * (and is left out of a list of people, such as who was mentioned); in every text, their names and
 * platform ids are replaced. A text that is not JSON is treated as plain text.
 */
function scrubber(ids: ReadonlySet<string>, textIds: readonly string[], names: ReadonlySet<string>, short: readonly string[]): (text: string) => string {
  const whole = wholeWordReplacer([...names, ...textIds], ANONYMOUS_HELPER);
  const withoutShort = shortNameReplacer(short, ANONYMOUS_HELPER, { midSentence: false });
  const plain = (text: string) => withoutShort(whole(text));
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") return plain(value);
    if (Array.isArray(value)) return value.filter((v) => !(isPerson(v) && isTheirs(v, ids))).map(walk);
    if (!value || typeof value !== "object") return value;
    const record = value as Record<string, unknown>;
    const entries = Object.entries(record).map(([k, v]) => [k, k === "by" && typeof v === "string" && ids.has(v) ? "" : walk(v)] as const);
    const result = Object.fromEntries(entries);
    return isTheirs(record, ids) ? { ...result, userId: "", name: ANONYMOUS_HELPER } : result;
  };
  return (text) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return plain(text);
    }
    return parsed !== null && typeof parsed === "object" ? JSON.stringify(walk(parsed)) : plain(text);
  };
}

/**
 * Replaces each of the words (names, ids) where it stands as a whole, longest first: "Anna" goes from
 * "Groet, Anna" but "Annabel" stays.
 */
export function wholeWordReplacer(words: readonly string[], by: string): (text: string) => string {
  const sorted = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return (text) => text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return (text) => text.replace(pattern, by);
}

function isPerson(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === "object" && !Array.isArray(value) && typeof (value as Record<string, unknown>).userId === "string";
}

function isTheirs(value: Record<string, unknown>, ids: ReadonlySet<string>): boolean {
  return typeof value.userId === "string" && ids.has(value.userId);
}

function isTextId(id: string): boolean {
  return id.length >= SHORTEST_TEXT_ID;
}
