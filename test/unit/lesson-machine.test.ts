import { describe, expect, it } from "vitest";
import { decideLesson, MAX_LESSON_CHARS, setLessonSharing, submitLesson } from "../../src/core/introductions/lesson-machine.js";
import type { Introduction } from "../../src/core/introductions/introduction-types.js";
import type { Lesson } from "../../src/core/introductions/lesson-types.js";

const t0 = new Date("2026-12-10T09:00:00Z");
const later = new Date("2026-12-11T09:00:00Z");
const intro: Introduction = {
  id: "i1", status: "accepted", question: "Hoe starten we een buurtbus?", initiativeId: "schakel", initiativeName: "Dorpshuis De Schakel",
  asker: { platform: "slack", userId: "U-asker", name: "Sanne", conversationId: "D1:1.1" }, contact: { platform: "slack", userId: "U-contact", name: "Kees" },
  theme: "mobiliteit", region: "Lopik", createdAt: t0.toISOString(), helped: { asker: true },
};
const asker = { platform: "slack", userId: "U-asker" };
const text = "Begin klein: twee vaste chauffeurs en een vaste rit op dinsdag.";

function submitted(share: boolean): Lesson {
  const result = submitLesson(intro, undefined, { id: "l1", author: asker, text, share, now: t0 });
  if (!result.ok) throw new Error(result.code);
  return result.lesson;
}

describe("lesson machine", () => {
  it("given the asker writes a lesson without sharing it, then it stays private, with the theme and region of the introduction and no names", () => {
    const lesson = submitted(false);
    expect(lesson).toMatchObject({ id: "l1", introductionId: "i1", role: "asker", status: "private", shared: false, text, theme: "mobiliteit", region: "Lopik", helped: true });
    expect(JSON.stringify(lesson)).not.toMatch(/Sanne|Kees|Schakel|buurtbus\?/);
  });

  it("given the contact writes a lesson and shares it, then it is proposed to the coordinators", () => {
    const result = submitLesson(intro, undefined, { id: "l2", author: { platform: "slack", userId: "U-contact" }, text, share: true, now: t0 });
    expect(result).toMatchObject({ ok: true, changed: true, lesson: { role: "contact", status: "proposed", shared: true } });
  });

  it("given someone outside the introduction, an empty or too long text, or an introduction that never came about, then it is refused", () => {
    expect(submitLesson(intro, undefined, { id: "x", author: { platform: "slack", userId: "U-other" }, text, share: true, now: t0 })).toEqual({ ok: false, code: "not_in_introduction" });
    expect(submitLesson(intro, undefined, { id: "x", author: { platform: "discord", userId: "U-asker" }, text, share: true, now: t0 })).toEqual({ ok: false, code: "not_in_introduction" });
    expect(submitLesson(intro, undefined, { id: "x", author: asker, text: "   ", share: true, now: t0 })).toEqual({ ok: false, code: "empty" });
    expect(submitLesson(intro, undefined, { id: "x", author: asker, text: "a".repeat(MAX_LESSON_CHARS + 1), share: true, now: t0 })).toEqual({ ok: false, code: "too_long" });
    for (const status of ["choosing", "requested", "declined", "expired", "cancelled"] as const) {
      expect(submitLesson({ ...intro, status }, undefined, { id: "x", author: asker, text, share: true, now: t0 })).toEqual({ ok: false, code: "not_introduced" });
    }
    expect(submitLesson({ ...intro, status: "withdrawn" }, undefined, { id: "x", author: asker, text, share: false, now: t0 }).ok).toBe(true);
  });

  it("given the same submission again, then nothing changes; given a new text or a change of mind before a decision, then the lesson follows it", () => {
    const lesson = submitted(false);
    const again = submitLesson(intro, lesson, { id: "other", author: asker, text: ` ${text} `, share: false, now: later });
    expect(again).toEqual({ ok: true, changed: false, lesson });
    const shared = submitLesson(intro, lesson, { id: "other", author: asker, text: `${text} En vraag de gemeente om een bijdrage.`, share: true, now: later });
    expect(shared).toMatchObject({ ok: true, changed: true, lesson: { id: "l1", status: "proposed", shared: true, updatedAt: later.toISOString() } });
    const unshared = setLessonSharing(shared.ok ? shared.lesson : lesson, false, later);
    expect(unshared).toMatchObject({ ok: true, changed: true, lesson: { status: "private", shared: false } });
    expect(setLessonSharing(unshared.ok ? unshared.lesson : lesson, false, later)).toMatchObject({ ok: true, changed: false });
  });

  it("given a proposed lesson, then a coordinator accepts or rejects it once; a repeat changes nothing and the other decision is refused", () => {
    const proposed = submitted(true);
    const accepted = decideLesson(proposed, { decision: "accept", by: "coordinator" }, later);
    expect(accepted).toMatchObject({ ok: true, changed: true, lesson: { status: "accepted", decidedBy: "coordinator", decidedAt: later.toISOString() } });
    if (!accepted.ok) return;
    expect(decideLesson(accepted.lesson, { decision: "accept", by: "other" }, later)).toEqual({ ok: true, changed: false, lesson: accepted.lesson });
    expect(decideLesson(accepted.lesson, { decision: "reject", by: "other" }, later)).toEqual({ ok: false, code: "decided" });
    const rejected = decideLesson(proposed, { decision: "reject", by: "coordinator" }, later);
    expect(rejected).toMatchObject({ ok: true, lesson: { status: "rejected" } });
  });

  it("given a lesson that was not shared, then no coordinator can decide on it; after a decision the author can no longer change it", () => {
    expect(decideLesson(submitted(false), { decision: "accept", by: "coordinator" }, later)).toEqual({ ok: false, code: "not_proposed" });
    const decided = decideLesson(submitted(true), { decision: "reject", by: "coordinator" }, later);
    if (!decided.ok) throw new Error(decided.code);
    expect(submitLesson(intro, decided.lesson, { id: "x", author: asker, text: "Nieuw", share: true, now: later })).toEqual({ ok: false, code: "decided" });
    expect(setLessonSharing(decided.lesson, true, later)).toEqual({ ok: false, code: "decided" });
  });
});
