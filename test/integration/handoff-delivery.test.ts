import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DeliveryError } from "../../src/core/handoff/delivery-error.js";
import { HandoffService, type DeliveryInput, type DeliveryReport, type HandoffEffectSink, type Roster } from "../../src/core/handoff/handoff-service.js";
import type { HandoffEffect, Person } from "../../src/core/handoff/handoff-types.js";
import { formatSignalReport } from "../../src/core/handoff/signal-report-text.js";
import { buildSignalReport } from "../../src/core/handoff/signal-report.js";
import { teamViewOf } from "../../src/core/handoff/team-view.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteHandoffRepository } from "../../src/store/sqlite-handoff-repository.js";
import { tempDir } from "../helpers/temp-knowledge.js";

const HOUR = 3600_000;
const anna: Person = { userId: "U-anna", name: "Anna" };
const roster: Roster = { isMember: (id) => id === anna.userId, route: () => [anna], coordinators: () => [] };
const RETRY = { maxAttempts: 3, firstDelayMs: 1000, maxDelayMs: 4000, parkedRetryMs: HOUR };

/** A channel that fails for the conversations in `broken` (like an archived Slack channel) and records the rest. */
class FlakySink implements HandoffEffectSink {
  readonly delivered: Array<{ conversation: string; step: string; attempt: number; posted?: string }> = [];
  /** Every effect delivered, as given. */
  readonly effects: HandoffEffect[] = [];
  readonly broken = new Set<string>();
  brokenTeam = false;
  async deliver(input: DeliveryInput) {
    const { handoff, effect } = input;
    const team = effect.type === "open_thread" || effect.type === "update_thread" || effect.type === "post_in_thread";
    if (team ? this.brokenTeam : this.broken.has(handoff.asker.conversationId)) throw new DeliveryError("slack", new Error("is_archived"), "C0ARCHIVED");
    const step = effect.type === "tell_asker" ? `tell:${effect.message}` : effect.type;
    this.delivered.push({ conversation: handoff.asker.conversationId, step, attempt: input.attempt, posted: input.posted });
    this.effects.push(effect);
    return effect.type === "open_thread" ? { threadRef: `thread-${handoff.id}` } : undefined;
  }
  steps(conversation: string) {
    return this.delivered.filter((d) => d.conversation === conversation).map((d) => d.step);
  }
}

describe("handoff delivery per effect, under faults", () => {
  let temp: ReturnType<typeof tempDir>;
  let now: Date;
  let sink: FlakySink;
  let reports: Array<DeliveryReport & { parked: boolean }>;
  const boot = () => {
    const repository = new SqliteHandoffRepository(openDatabase(path.join(temp.dir, "h.db")));
    const service = new HandoffService({
      repository, roster, sink, clock: () => now, retry: RETRY,
      reporter: { failed: (r) => reports.push({ ...r, parked: false }), parked: (r) => reports.push({ ...r, parked: true }) },
      policy: { consentTimeoutMs: HOUR, reminderIntervalMs: 4 * HOUR, remindersBeforeEscalation: 2, reopenWindowMs: 24 * HOUR, addWorkingTime: (f, ms) => new Date(f.getTime() + ms) },
    });
    return { repository, service };
  };
  const askerIn = (conversationId: string) => ({ userId: `U-${conversationId}`, name: "Sanne", channel: "slack", conversationId });
  const later = (ms: number) => (now = new Date(now.getTime() + ms));

  beforeEach(() => {
    temp = tempDir();
    now = new Date("2026-11-23T09:00:00Z");
    sink = new FlakySink();
    reports = [];
  });
  afterEach(() => temp.cleanup());

  it("given one asker's channel refuses every message, then another handoff is delivered in the same round", async () => {
    const { service } = boot();
    const a = service.request({ question: "Vraag A", asker: askerIn("A"), findings: [] });
    service.apply(a.id, { type: "consent_given", by: "U-A", anonymous: false });
    sink.broken.add("A");
    service.apply(a.id, { type: "claim", by: anna, onRoster: true });
    const b = service.request({ question: "Vraag B", asker: askerIn("B"), findings: [] });
    service.apply(b.id, { type: "consent_given", by: "U-B", anonymous: false });
    await service.deliverPending();
    expect(sink.steps("B")).toEqual(["tell:consent_request", "open_thread", "tell:shared"]);
    // A's thread still gets the claim; only A's own notices wait.
    expect(sink.steps("A")).toEqual(["open_thread", "update_thread", "post_in_thread"]);
    expect(reports[0]).toMatchObject({ handoffId: a.id, step: "tell_asker:consent_request", channel: "slack", attempt: 1, parked: false });
    expect(reports[0]!.error).toContain("C0ARCHIVED");
  });

  it("given a failing effect, then it is retried after a growing backoff, parks after the last attempt and shows as stuck", async () => {
    const { service, repository } = boot();
    sink.broken.add("A");
    const a = service.request({ question: "Vraag A", asker: askerIn("A"), findings: [] });
    await service.deliverPending();
    await service.deliverPending(); // within the backoff: not tried again
    expect(reports.map((r) => r.attempt)).toEqual([1]);
    later(1000);
    await service.deliverPending();
    later(1000); // the second backoff is 2 s
    await service.deliverPending();
    expect(reports.map((r) => r.attempt)).toEqual([1, 2]);
    later(1000);
    await service.deliverPending();
    expect(reports.map((r) => `${r.attempt}:${r.parked}`)).toEqual(["1:false", "2:false", "3:true"]);
    expect(repository.stuckDeliveries()).toEqual([
      expect.objectContaining({ handoffId: a.id, step: "tell_asker:consent_request", channel: "slack", attempts: 3, lastError: expect.stringContaining("is_archived") }),
    ]);
    later(10 * 60_000);
    await service.deliverPending(); // parked: left alone for an hour
    expect(reports).toHaveLength(3);

    sink.broken.clear();
    expect(service.retryParked()).toBe(1); // as at a restart
    await service.deliverPending();
    expect(sink.delivered).toEqual([{ conversation: "A", step: "tell:consent_request", attempt: 4, posted: undefined }]);
    expect(repository.stuckDeliveries()).toEqual([]);
  });

  it("given the head cannot be posted, then the asker is not told it was passed on, but that it is delayed; once posted, that it was passed on", async () => {
    const { service } = boot();
    sink.brokenTeam = true;
    const a = service.request({ question: "Vraag A", asker: askerIn("A"), findings: [] });
    service.apply(a.id, { type: "consent_given", by: "U-A", anonymous: false });
    for (let i = 0; i < 3; i++) {
      await service.deliverPending();
      expect(sink.steps("A")).not.toContain("tell:shared");
      later(4000);
    }
    await service.deliverPending();
    expect(sink.steps("A")).toEqual(["tell:consent_request", "tell:delivery_delayed"]);
    sink.brokenTeam = false;
    later(HOUR);
    await service.deliverPending();
    expect(sink.steps("A")).toEqual(["tell:consent_request", "tell:delivery_delayed", "open_thread", "tell:shared"]);
  });

  it("given a stop between parking the head and queueing the asker's notice, then after the restart the asker is still told it is delayed, once", async () => {
    const first = boot();
    sink.brokenTeam = true;
    const a = first.service.request({ question: "Vraag A", asker: askerIn("A"), findings: [] });
    first.service.apply(a.id, { type: "consent_given", by: "U-A", anonymous: false });
    // The fault: the notice cannot be written (as a process stopped right there leaves it unwritten).
    const db = openDatabase(path.join(temp.dir, "h.db"));
    db.exec(`CREATE TRIGGER cut_off_notice BEFORE INSERT ON handoff_outbox WHEN NEW.effect LIKE '%delivery_delayed%' BEGIN SELECT RAISE(ABORT, 'injected fault'); END`);
    for (let i = 0; i < RETRY.maxAttempts; i++) {
      await first.service.deliverPending().catch(() => undefined);
      later(4000);
    }
    db.exec("DROP TRIGGER cut_off_notice");
    db.close();

    const second = boot(); // the restart
    second.service.retryParked();
    for (let i = 0; i < 2 * RETRY.maxAttempts; i++) {
      await second.service.deliverPending();
      later(HOUR);
    }
    expect(sink.steps("A").filter((step) => step === "tell:delivery_delayed")).toHaveLength(1);
    expect(sink.steps("A")).not.toContain("tell:shared");
  });

  it("given a person's answer to the asker parks, then its writer is told in the thread once, also when it parks again; another answer that parks is told of on its own", async () => {
    const { service } = boot();
    const a = service.request({ question: "Vraag A", asker: askerIn("A"), findings: [] });
    service.apply(a.id, { type: "consent_given", by: "U-A", anonymous: false });
    service.apply(a.id, { type: "claim", by: anna, onRoster: true });
    await service.deliverPending();
    sink.broken.add("A");
    service.apply(a.id, { type: "tolk_reply", by: anna, onRoster: true, text: "Bel   de gemeente,\nzij helpen je verder met de vergunning voor het buurtfeest en de subsidie voor de tenten en de muziek." });
    const told = () => sink.effects.filter((e) => e.type === "post_in_thread" && e.kind === "relay_parked");
    for (let i = 0; i < RETRY.maxAttempts - 1; i++) {
      await service.deliverPending();
      later(4000);
    }
    expect(told()).toEqual([]); // not parked yet: nobody told
    await service.deliverPending();
    expect(told()).toEqual([{
      type: "post_in_thread", kind: "relay_parked", from: anna, mentions: [anna],
      text: "Bel de gemeente, zij helpen je verder met de vergunning voor het buurtfeest en…",
    }]);
    // Another round (as at a restart) that parks again: not told again.
    service.retryParked();
    for (let i = 0; i < 2 * RETRY.maxAttempts; i++) {
      await service.deliverPending();
      later(4000);
    }
    expect(reports.filter((r) => r.step === "relay_to_asker" && r.parked)).toHaveLength(2);
    expect(told()).toHaveLength(1);
    // Delivered at last; a later answer that parks is told of too.
    sink.broken.clear();
    service.retryParked();
    await service.deliverPending();
    sink.broken.add("A");
    service.apply(a.id, { type: "tolk_reply", by: anna, onRoster: true, text: "Of vraag het de wijkagent." });
    for (let i = 0; i < 2 * RETRY.maxAttempts; i++) {
      await service.deliverPending();
      later(HOUR);
    }
    expect(told().map((e) => (e as { text?: string }).text)).toEqual([expect.stringMatching(/^Bel de gemeente/), "Of vraag het de wijkagent."]);
  });

  it("given a post was recorded before a crash, then the retry is told what was posted and which attempt it is", async () => {
    const first = boot();
    const a = first.service.request({ question: "Vraag A", asker: askerIn("A"), findings: [] });
    const [pending] = first.repository.pendingEffects();
    first.repository.beginAttempt(pending!.id); // the first try began…
    first.repository.recordPost(pending!.id, "C0VRAGEN:1700000000.000100"); // …and posted, then the process died
    const second = boot();
    await second.service.deliverPending();
    expect(sink.delivered).toEqual([{ conversation: "A", step: "tell:consent_request", attempt: 2, posted: "C0VRAGEN:1700000000.000100" }]);
    expect(second.repository.get(a.id)).toBeDefined();
  });

  it("given the same handoff request delivered twice, then the second returns the handoff that was stored", () => {
    const { service, repository } = boot();
    const a = service.request({ question: "Vraag A", asker: askerIn("A"), findings: [], eventKey: "slack:Ev1" });
    const again = service.request({ question: "Vraag A", asker: askerIn("A"), findings: [], eventKey: "slack:Ev1" });
    expect(again.id).toBe(a.id);
    expect(repository.list()).toHaveLength(1);
  });

  it("given a timer that fails to fire, then the other timers still fire and it parks after the last attempt", async () => {
    const { repository } = boot();
    const failing = new Set<string>();
    const wrapped = Object.assign(Object.create(repository) as SqliteHandoffRepository, {
      get: (id: string) => {
        if (failing.has(id)) throw new Error("database row unreadable");
        return repository.get(id);
      },
    });
    const service = new HandoffService({
      repository: wrapped, roster, sink, clock: () => now, retry: RETRY,
      reporter: { failed: (r) => reports.push({ ...r, parked: false }), parked: (r) => reports.push({ ...r, parked: true }) },
      policy: { consentTimeoutMs: HOUR, reminderIntervalMs: 4 * HOUR, remindersBeforeEscalation: 2, reopenWindowMs: 24 * HOUR, addWorkingTime: (f, ms) => new Date(f.getTime() + ms) },
    });
    const a = service.request({ question: "Vraag A", asker: askerIn("A"), findings: [] });
    const b = service.request({ question: "Vraag B", asker: askerIn("B"), findings: [] });
    failing.add(a.id);
    later(HOUR);
    expect(service.fireDueTimers()).toBe(2);
    expect(repository.get(b.id)?.handoff.status).toBe("expired");
    for (let i = 0; i < 3; i++) {
      later(4000);
      service.fireDueTimers();
    }
    expect(reports.map((r) => `${r.step}:${r.attempt}:${r.parked}`)).toEqual(["timer:consent_timeout:1:false", "timer:consent_timeout:2:false", "timer:consent_timeout:3:true"]);
    expect(repository.stuckDeliveries()).toEqual([expect.objectContaining({ handoffId: a.id, step: "timer:consent_timeout", channel: "timer" })]);
    failing.clear();
    service.retryParked();
    service.fireDueTimers();
    expect(repository.get(a.id)?.handoff.status).toBe("expired");
  });

  it("given a parked head, then the team view and the signals report show it as vastgelopen with step, channel and error", async () => {
    const { service, repository } = boot();
    sink.brokenTeam = true;
    const a = service.request({ question: "Wie verzekert onze buurtbatterij?", asker: askerIn("A"), findings: [] });
    service.apply(a.id, { type: "consent_given", by: "U-A", anonymous: false });
    for (let i = 0; i < 3; i++) {
      await service.deliverPending();
      later(4000);
    }
    const stuck = repository.stuckDeliveries();
    const view = teamViewOf(repository.get(a.id)!.handoff, stuck);
    expect(view.stuck).toEqual(["de vraag in het tolkenkanaal zetten via slack lukt niet na 3 pogingen: het kanaal is gearchiveerd (C0ARCHIVED)"]);
    const report = formatSignalReport(buildSignalReport({ since: new Date(0), now: new Date(), handoffs: repository.list(), counts: { asked: 1, handedOff: 1 }, knownRegions: [], stuck }));
    expect(report).toContain("Vastgelopen");
    expect(report).toContain("– Wie verzekert onze buurtbatterij?: de vraag in het tolkenkanaal zetten via slack lukt niet na 3 pogingen: het kanaal is gearchiveerd (C0ARCHIVED)");
  });
});
