import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HandoffService, type HandoffEffectSink, type Roster } from "../../src/core/handoff/handoff-service.js";
import type { HandoffEffect, Person } from "../../src/core/handoff/handoff-types.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteHandoffRepository } from "../../src/store/sqlite-handoff-repository.js";
import { tempDir } from "../helpers/temp-knowledge.js";

const HOUR = 3600_000;
const anna: Person = { userId: "U-anna", name: "Anna" };
const bram: Person = { userId: "U-bram", name: "Bram" };
const roster: Roster = {
  isMember: (id) => id === anna.userId || id === bram.userId,
  route: () => [anna],
  coordinators: () => [{ userId: "U-coord", name: "Carla" }],
};
const asker = { userId: "U-asker", name: "Sanne", channel: "web", conversationId: "c1" };

/** Records what would be sent, like a channel adapter would send it. */
class RecordingSink implements HandoffEffectSink {
  delivered: Array<{ effectId: number; effect: HandoffEffect }> = [];
  failNext = false;
  async deliver({ effectId, effect }: { effectId: number; effect: HandoffEffect }) {
    if (this.failNext) {
      this.failNext = false;
      throw new Error("channel down");
    }
    this.delivered.push({ effectId, effect });
    return effect.type === "open_thread" ? { threadRef: "thread-1" } : undefined;
  }
  types() {
    return this.delivered.map((d) => (d.effect.type === "tell_asker" ? `tell:${d.effect.message}` : d.effect.type));
  }
}

describe("handoff service on the embedded database", () => {
  let temp: ReturnType<typeof tempDir>;
  let now: Date;
  let sink: RecordingSink;
  const dbFile = () => path.join(temp.dir, "h.db");
  /** A fresh process: new connection, new service, same database file. */
  const boot = () => {
    const repository = new SqliteHandoffRepository(openDatabase(dbFile()));
    const service = new HandoffService({
      repository, roster, sink, clock: () => now,
      policy: { consentTimeoutMs: HOUR, reminderIntervalMs: 4 * HOUR, remindersBeforeEscalation: 2, reopenWindowMs: 24 * HOUR, addWorkingTime: (f, ms) => new Date(f.getTime() + ms) },
    });
    return { repository, service };
  };

  beforeEach(() => {
    temp = tempDir();
    now = new Date("2026-11-23T09:00:00Z");
    sink = new RecordingSink();
  });
  afterEach(() => temp.cleanup());

  it("given the whole flow, then every step is persisted, audited and delivered once, in order", async () => {
    const { service, repository } = boot();
    const h = service.request({ question: "Hoe regelen we een tapvergunning?", asker, findings: [] });
    service.apply(h.id, { type: "consent_given", by: asker.userId, anonymous: true }, "evt-1");
    service.apply(h.id, { type: "claim", by: anna, onRoster: false }, "evt-2");
    service.apply(h.id, { type: "tolk_reply", by: anna, onRoster: false, text: "Vraag het aan bij de gemeente." }, "evt-3");
    service.apply(h.id, { type: "close", by: anna, role: "tolk", addToKnowledge: true }, "evt-4");
    await service.deliverPending();

    expect(sink.types()).toEqual([
      "tell:consent_request", "open_thread", "tell:shared", "update_thread", "post_in_thread", "tell:claimed",
      "relay_to_asker", "update_thread", "post_in_thread", "tell:resolved", "add_to_knowledge",
    ]);
    expect(repository.threadRefOf(h.id)).toBe("thread-1");
    expect(repository.findByThread("thread-1")?.status).toBe("resolved");
    expect(repository.auditTrail(h.id).map((a) => `${a.type}:${a.outcome}:${a.actor}`)).toEqual([
      "created:ok:U-asker", "consent_given:ok:U-asker", "claim:ok:U-anna", "tolk_reply:ok:U-anna", "close:ok:U-anna",
    ]);
    expect(repository.get(h.id)?.version).toBe(5);
  });

  it("given the same event delivered twice, then it is applied once", async () => {
    const { service } = boot();
    const h = service.request({ question: "Vraag", asker, findings: [] });
    expect(service.apply(h.id, { type: "consent_given", by: asker.userId, anonymous: false }, "evt-1").ok).toBe(true);
    expect(service.apply(h.id, { type: "consent_given", by: asker.userId, anonymous: false }, "evt-1")).toEqual({ ok: false, code: "duplicate" });
    await service.deliverPending();
    expect(sink.types().filter((t) => t === "open_thread")).toHaveLength(1);
  });

  it("given someone off the roster claims, then the roster decides, whatever the caller says", () => {
    const { service } = boot();
    const h = service.request({ question: "Vraag", asker, findings: [] });
    service.apply(h.id, { type: "consent_given", by: asker.userId, anonymous: false });
    const result = service.apply(h.id, { type: "claim", by: { userId: "U-stranger", name: "X" }, onRoster: true });
    expect(result).toMatchObject({ ok: false, code: "not_on_roster" });
  });

  it("given two services racing to claim, then exactly one wins", () => {
    const a = boot();
    const b = boot();
    const h = a.service.request({ question: "Vraag", asker, findings: [] });
    a.service.apply(h.id, { type: "consent_given", by: asker.userId, anonymous: false });
    const first = a.service.apply(h.id, { type: "claim", by: anna, onRoster: true });
    const second = b.service.apply(h.id, { type: "claim", by: bram, onRoster: true });
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, code: "already_claimed" });
    expect(b.repository.get(h.id)?.handoff.claimedBy).toEqual(anna);
  });

  it("given a crash after a change but before delivery, then a restart delivers it exactly once", async () => {
    const first = boot();
    const h = first.service.request({ question: "Vraag", asker, findings: [] });
    await first.service.deliverPending();
    first.service.apply(h.id, { type: "consent_given", by: asker.userId, anonymous: false });
    // the process dies here: the change is stored, the thread not yet opened

    const second = boot();
    await second.service.deliverPending();
    await second.service.deliverPending();
    expect(sink.types()).toEqual(["tell:consent_request", "open_thread", "tell:shared"]);
  });

  it("given a channel that fails mid-delivery, then the failed effect waits for its backoff and is then delivered once", async () => {
    const { service } = boot();
    service.request({ question: "Vraag", asker, findings: [] });
    sink.failNext = true;
    await service.deliverPending();
    expect(sink.types()).toEqual([]);
    await service.deliverPending(); // still within the backoff: nothing is tried
    expect(sink.types()).toEqual([]);
    now = new Date(now.getTime() + 60_000);
    await service.deliverPending();
    expect(sink.types()).toEqual(["tell:consent_request"]);
  });

  it("given timers that fell due while the process was down, then a restart fires them once", async () => {
    const first = boot();
    const h = first.service.request({ question: "Vraag", asker, findings: [] });
    first.service.apply(h.id, { type: "consent_given", by: asker.userId, anonymous: false });
    now = new Date(now.getTime() + 8.5 * HOUR); // two reminder intervals pass while down

    const second = boot();
    expect(second.service.fireDueTimers()).toBe(1);
    expect(second.service.fireDueTimers()).toBe(0);
    now = new Date(now.getTime() + 4 * HOUR);
    expect(second.service.fireDueTimers()).toBe(1);
    await second.service.deliverPending();
    expect(sink.types()).toContain("tell:taking_longer");
    expect(second.repository.get(h.id)?.handoff).toMatchObject({ remindersSent: 2, escalated: true });
  });

  it("given no consent in time, then the timeout shares nothing and tells the asker", async () => {
    const { service, repository } = boot();
    const h = service.request({ question: "Vraag", asker, findings: [] });
    now = new Date(now.getTime() + HOUR);
    service.fireDueTimers();
    await service.deliverPending();
    expect(repository.get(h.id)?.handoff.status).toBe("expired");
    expect(sink.types()).toEqual(["tell:consent_request", "tell:consent_expired"]);
    expect(repository.dueTimers(new Date(now.getTime() + 100 * HOUR))).toEqual([]);
  });

  it("given an asker conversation, then its active handoff is found for follow-ups", () => {
    const { service, repository } = boot();
    const h = service.request({ question: "Vraag", asker, findings: [] });
    expect(repository.findActiveByAsker("web", "c1")?.id).toBe(h.id);
    service.apply(h.id, { type: "consent_refused", by: asker.userId });
    expect(repository.findActiveByAsker("web", "c1")).toBeUndefined();
  });
});
