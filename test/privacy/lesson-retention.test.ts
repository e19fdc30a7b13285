import { describe, expect, it } from "vitest";
import { decideLesson, submitLesson } from "../../src/core/introductions/lesson-machine.js";
import type { Introduction } from "../../src/core/introductions/introduction-types.js";
import type { Lesson } from "../../src/core/introductions/lesson-types.js";
import { openDatabase } from "../../src/store/open-database.js";
import { applyRetention } from "../../src/store/retention.js";
import { SqliteIntroductionRepository } from "../../src/store/sqlite-introduction-repository.js";
import { SqliteLessonRepository } from "../../src/store/sqlite-lesson-repository.js";
import { tempDir } from "../helpers/temp-knowledge.js";

const now = new Date();
function introduction(id: string): Introduction {
  return {
    id, status: "accepted", question: "Hoe starten we een buurtbus?", initiativeId: "schakel", initiativeName: "Dorpshuis De Schakel",
    asker: { platform: "slack", userId: `U-${id}`, name: "Sanne", conversationId: "D1:1.1" }, contact: { platform: "slack", userId: "U-kees", name: "Kees" },
    theme: "mobiliteit", region: "Lopik", createdAt: now.toISOString(), helped: {},
  };
}

/** Retention of lessons in a real database: what a person kept to themselves, or what was not taken up, does not stay. */
describe("retention of lessons from introductions", () => {
  it("given lessons untouched for the retention time, then private and rejected ones lose text and author, an accepted one its author, a proposed one waits", () => {
    const temp = tempDir();
    const db = openDatabase(`${temp.dir}/store.db`);
    try {
      const intros = new SqliteIntroductionRepository(db);
      const lessons = new SqliteLessonRepository(db);
      const add = (id: string, share: boolean, decision?: "accept" | "reject"): Lesson => {
        const intro = introduction(id);
        intros.record({ intro, event: { type: "created" }, outcome: "ok", effects: [] });
        const submitted = submitLesson(intro, undefined, { id: `l-${id}`, author: intro.asker, text: `Les van ${id}: begin klein.`, share, now });
        if (!submitted.ok) throw new Error(submitted.code);
        lessons.record({ lesson: submitted.lesson, type: "submitted", actor: intro.asker.userId, outcome: "ok" });
        if (!decision) return submitted.lesson;
        const decided = decideLesson(submitted.lesson, { decision, by: "carla" }, now);
        if (!decided.ok) throw new Error(decided.code);
        lessons.record({ lesson: decided.lesson, expectedVersion: 1, type: decided.lesson.status, actor: "carla", outcome: "ok" });
        return decided.lesson;
      };
      add("private", false);
      add("rejected", true, "reject");
      add("accepted", true, "accept");
      add("proposed", true);

      applyRetention(db, 30, new Date(now.getTime() + 31 * 86_400_000));
      const after = (id: string) => lessons.get(`l-${id}`)!.lesson;
      expect(after("private")).toMatchObject({ text: "", author: { userId: "vergeten" }, status: "private" });
      expect(after("rejected")).toMatchObject({ text: "", author: { userId: "vergeten" }, status: "rejected" });
      expect(after("accepted")).toMatchObject({ text: "Les van accepted: begin klein.", author: { userId: "vergeten" }, status: "accepted" });
      expect(after("proposed")).toMatchObject({ text: "Les van proposed: begin klein.", author: { userId: "U-proposed" }, status: "proposed" });
      const audit = JSON.stringify(db.prepare("SELECT * FROM lesson_events").all());
      expect(audit).not.toMatch(/U-private|U-rejected|U-accepted/);
      expect(lessons.proposed().map((l) => l.id)).toEqual(["l-proposed"]);
    } finally {
      db.close();
      temp.cleanup();
    }
  });
});
