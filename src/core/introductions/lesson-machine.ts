import type { Introduction } from "./introduction-types.js";
import type { Lesson, LessonResult } from "./lesson-types.js";

/** A few sentences: enough for what worked, short enough to read in the team view. */
export const MAX_LESSON_CHARS = 1500;

const FINAL = new Set(["accepted", "rejected"]);

export type LessonSubmission = { id: string; author: { platform: string; userId: string }; text: string; share: boolean; now: Date };

/**
 * Someone who was introduced writes (or rewrites) what they learned, and whether the coordinators may
 * see it. Only the asker and the contact of an introduction that came about may; once a coordinator
 * decided, the lesson no longer changes. The same submission again changes nothing.
 */
export function submitLesson(intro: Introduction, existing: Lesson | undefined, input: LessonSubmission): LessonResult {
  const role = roleOf(intro, input.author);
  if (!role) return { ok: false, code: "not_in_introduction" };
  if (intro.status !== "accepted" && intro.status !== "withdrawn") return { ok: false, code: "not_introduced" };
  const text = input.text.trim();
  if (!text) return { ok: false, code: "empty" };
  if (text.length > MAX_LESSON_CHARS) return { ok: false, code: "too_long" };
  const now = input.now.toISOString();
  if (existing) {
    if (FINAL.has(existing.status)) return { ok: false, code: "decided" };
    if (existing.text === text && existing.shared === input.share) return { ok: true, changed: false, lesson: existing };
    return { ok: true, changed: true, lesson: { ...existing, text, shared: input.share, status: input.share ? "proposed" : "private", updatedAt: now } };
  }
  const helped = intro.helped[role];
  return {
    ok: true,
    changed: true,
    lesson: {
      id: input.id, introductionId: intro.id, role, author: { ...input.author }, text, shared: input.share, status: input.share ? "proposed" : "private",
      ...(helped !== undefined ? { helped } : {}), ...(intro.theme ? { theme: intro.theme } : {}), ...(intro.region ? { region: intro.region } : {}),
      createdAt: now, updatedAt: now,
    },
  };
}

/** The author changes their mind about sharing, until a coordinator decided. */
export function setLessonSharing(lesson: Lesson, share: boolean, now: Date): LessonResult {
  if (FINAL.has(lesson.status)) return { ok: false, code: "decided" };
  if (lesson.shared === share) return { ok: true, changed: false, lesson };
  return { ok: true, changed: true, lesson: { ...lesson, shared: share, status: share ? "proposed" : "private", updatedAt: now.toISOString() } };
}

/** A coordinator takes a shared lesson into the knowledge store, or not; a repeat of the same decision changes nothing. */
export function decideLesson(lesson: Lesson, input: { decision: "accept" | "reject"; by: string }, now: Date): LessonResult {
  const target = input.decision === "accept" ? "accepted" : "rejected";
  if (lesson.status === target) return { ok: true, changed: false, lesson };
  if (FINAL.has(lesson.status)) return { ok: false, code: "decided" };
  if (lesson.status !== "proposed") return { ok: false, code: "not_proposed" };
  const at = now.toISOString();
  return { ok: true, changed: true, lesson: { ...lesson, status: target, decidedAt: at, decidedBy: input.by, updatedAt: at } };
}

function roleOf(intro: Introduction, author: { platform: string; userId: string }): "asker" | "contact" | undefined {
  if (intro.asker.platform === author.platform && intro.asker.userId === author.userId) return "asker";
  if (intro.contact.platform === author.platform && intro.contact.userId === author.userId) return "contact";
  return undefined;
}
