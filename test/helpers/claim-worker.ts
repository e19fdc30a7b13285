import { parentPort, workerData } from "node:worker_threads";
import { HandoffService } from "../../src/core/handoff/handoff-service.js";
import { VersionConflict, type RecordedChange } from "../../src/core/handoff/handoff-repository.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteHandoffRepository } from "../../src/store/sqlite-handoff-repository.js";

/**
 * One claimer in its own thread with its own database connection. Its first read of the handoff
 * waits at a barrier until the other claimer has read it too, so both write against the same
 * version: one commit wins, the other meets the version check.
 */
const { dbFile, handoffId, person, barrier } = workerData as { dbFile: string; handoffId: string; person: { userId: string; name: string }; barrier: SharedArrayBuffer };
const counter = new Int32Array(barrier);
const repository = new SqliteHandoffRepository(openDatabase(dbFile));
let reads = 0;
let conflicts = 0;
const racing = Object.assign(Object.create(repository) as SqliteHandoffRepository, {
  get(id: string) {
    const current = repository.get(id);
    if (reads++ === 0) {
      Atomics.add(counter, 0, 1);
      Atomics.notify(counter, 0);
      while (Atomics.load(counter, 0) < 2) Atomics.wait(counter, 0, Atomics.load(counter, 0), 5_000);
    }
    return current;
  },
  record(change: RecordedChange) {
    try {
      return repository.record(change);
    } catch (error) {
      if (error instanceof VersionConflict) conflicts++;
      throw error;
    }
  },
});
const service = new HandoffService({
  repository: racing,
  roster: { isMember: () => true, route: () => [], coordinators: () => [] },
  sink: { deliver: async () => undefined },
  policy: { consentTimeoutMs: 3_600_000, reminderIntervalMs: 3_600_000, remindersBeforeEscalation: 2, reopenWindowMs: 86_400_000, addWorkingTime: (f, ms) => new Date(f.getTime() + ms) },
});
const result = service.apply(handoffId, { type: "claim", by: person, onRoster: true }, `claim:${person.userId}`);
parentPort!.postMessage({ ok: result.ok, code: result.ok ? undefined : result.code, conflicts });
