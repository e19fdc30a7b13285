import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { HandoffService } from "../../src/core/handoff/handoff-service.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteHandoffRepository } from "../../src/store/sqlite-handoff-repository.js";
import { tempDir } from "../helpers/temp-knowledge.js";

type ClaimResult = { ok: boolean; code?: string; conflicts: number };

describe("two claims at once", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());

  it("given two tolken claiming in two threads at the same moment, then both read the same version, exactly one wins and the other is told it is taken", async () => {
    const dbFile = path.join(temp.dir, "race.db");
    const repository = new SqliteHandoffRepository(openDatabase(dbFile));
    const service = new HandoffService({
      repository,
      roster: { isMember: () => true, route: () => [], coordinators: () => [] },
      sink: { deliver: async () => undefined },
      policy: { consentTimeoutMs: 3_600_000, reminderIntervalMs: 3_600_000, remindersBeforeEscalation: 2, reopenWindowMs: 86_400_000, addWorkingTime: (f, ms) => new Date(f.getTime() + ms) },
    });
    const asker = { userId: "U-asker", name: "Sanne", channel: "web", conversationId: "race" };
    const h = service.request({ question: "Wie pakt dit op?", asker, findings: [] });
    service.apply(h.id, { type: "consent_given", by: asker.userId, anonymous: false });

    const barrier = new SharedArrayBuffer(4);
    const claim = (person: { userId: string; name: string }) =>
      new Promise<ClaimResult>((resolve, reject) => {
        const worker = new Worker(new URL("../helpers/claim-worker.mjs", import.meta.url), { workerData: { dbFile, handoffId: h.id, person, barrier } });
        worker.once("message", resolve);
        worker.once("error", reject);
      });
    const results = await Promise.all([claim({ userId: "U-anna", name: "Anna" }), claim({ userId: "U-bram", name: "Bram" })]);

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.code)).toEqual(["already_claimed"]);
    // The loser really met the version check (and lost on fresh state), not a claim made after the first.
    expect(results.find((r) => !r.ok)!.conflicts).toBe(1);
    const winner = results.findIndex((r) => r.ok) === 0 ? "U-anna" : "U-bram";
    const stored = repository.get(h.id)!;
    expect(stored.handoff.claimedBy?.userId).toBe(winner);
    expect(repository.auditTrail(h.id).filter((a) => a.type === "claim").map((a) => a.outcome).sort()).toEqual(["already_claimed", "ok"]);
    expect(repository.pendingEffects().filter((e) => e.effect.type === "update_thread")).toHaveLength(1);
  });
});
