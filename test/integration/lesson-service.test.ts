import { describe, expect, it } from "vitest";
import { LessonService } from "../../src/core/introductions/lesson-service.js";
import type { Introduction } from "../../src/core/introductions/introduction-types.js";
import type { Lesson } from "../../src/core/introductions/lesson-types.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteIntroductionRepository } from "../../src/store/sqlite-introduction-repository.js";
import { SqliteLessonRepository } from "../../src/store/sqlite-lesson-repository.js";
import { tempDir } from "../helpers/temp-knowledge.js";

const intro: Introduction = {
  id: "i1", status: "accepted", question: "Hoe starten we een buurtbus?", initiativeId: "schakel", initiativeName: "Dorpshuis De Schakel",
  asker: { platform: "slack", userId: "U-sanne", name: "Sanne", conversationId: "D1:1.1" }, contact: { platform: "slack", userId: "U-kees", name: "Kees" },
  theme: "mobiliteit", region: "Lopik", createdAt: "2026-12-01T09:00:00Z", helped: { asker: true },
};

/** The lesson service on a real database, with a knowledge store writer that fails at first (a broken metadata.yaml, a full disk). */
describe("lesson service", () => {
  it("given an accepted lesson whose document cannot be written yet, then it stays accepted and is written later, after a backoff, once", async () => {
    const temp = tempDir();
    const db = openDatabase(`${temp.dir}/store.db`);
    try {
      new SqliteIntroductionRepository(db).record({ intro, event: { type: "created" }, outcome: "ok", effects: [] });
      let now = new Date("2026-12-20T10:00:00Z");
      let broken = true;
      const written: Lesson[] = [];
      const warnings: string[] = [];
      const service = new LessonService({
        repository: new SqliteLessonRepository(db),
        introduction: (id) => (id === intro.id ? intro : undefined),
        write: async (lesson) => {
          if (broken) throw new Error("metadata.yaml regel 3: geen geldige YAML");
          written.push(lesson);
          return "lessen/les.md";
        },
        mayDecide: (userId) => userId === "carla",
        log: { info: () => undefined, warn: (m) => warnings.push(m) },
        retry: { maxAttempts: 6, firstDelayMs: 60_000, maxDelayMs: 300_000, parkedRetryMs: 3_600_000 },
        clock: () => now,
        newId: () => "les-1",
      });
      expect(service.submit({ author: { platform: "slack", userId: "U-sanne" }, introductionId: "i1", text: "Begin klein.", share: true, eventKey: "k1" })).toMatchObject({ ok: true, shared: true });
      expect(service.submit({ author: { platform: "slack", userId: "U-sanne" }, introductionId: "i1", text: "Iets anders.", share: true, eventKey: "k1" })).toMatchObject({ ok: true });
      expect(service.proposals("carla")).toEqual([expect.objectContaining({ id: "les-1", text: "Begin klein.", from: "de vrager" })]);
      expect(service.proposals("U-sanne")).toBeUndefined();
      expect(await service.decide("U-sanne", "les-1", "accept")).toBeUndefined();

      expect(await service.decide("carla", "les-1", "accept", "d1")).toMatchObject({ ok: true, status: "accepted", text: expect.stringContaining("wordt zo aan de kennisbank toegevoegd") });
      expect(warnings).toEqual([expect.stringContaining("metadata.yaml regel 3")]);
      broken = false;
      await service.writeAccepted(); // within the backoff: not tried again yet
      expect(written).toEqual([]);
      now = new Date(now.getTime() + 61_000);
      await service.writeAccepted();
      await service.writeAccepted();
      expect(written.map((l) => l.id)).toEqual(["les-1"]);
      expect(await service.decide("carla", "les-1", "accept")).toMatchObject({ ok: true, document: "lessen/les.md" });
      expect(new SqliteLessonRepository(db).auditTrail("les-1").map((a) => a.type)).toEqual(["submitted", "accepted", "written"]);
    } finally {
      db.close();
      temp.cleanup();
    }
  });
});
