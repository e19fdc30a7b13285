import { describe, expect, it } from "vitest";
import { newHandoff, transition } from "../../src/core/handoff/handoff-machine.js";
import type { Handoff, HandoffEvent, HandoffPolicy, Person } from "../../src/core/handoff/handoff-types.js";

const HOUR = 3600_000;
const anna: Person = { userId: "U-anna", name: "Anna (tolk)" };
const bram: Person = { userId: "U-bram", name: "Bram (vrije actor)" };
const coordinator: Person = { userId: "U-coord", name: "Carla" };
const policy: HandoffPolicy = {
  consentTimeoutMs: 1 * HOUR,
  reminderIntervalMs: 4 * HOUR,
  remindersBeforeEscalation: 2,
  reopenWindowMs: 7 * 24 * HOUR,
  coordinators: [coordinator],
  addWorkingTime: (from, ms) => new Date(from.getTime() + ms),
};
const t0 = new Date("2026-11-23T09:00:00Z");
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);

function createdWithEffects() {
  return newHandoff({
    id: "h1",
    question: "Hoe regelen we een vergunning voor ons buurtfeest?",
    asker: { userId: "U-asker", name: "Sanne", channel: "web", conversationId: "c1" },
    theme: "vergunningen",
    findings: ["Verslag — pagina 2"],
    routedTo: [anna],
    now: t0,
    policy,
  });
}

function created(): Handoff {
  return createdWithEffects().handoff;
}

/** Applies events in order, failing the test on any rejection. */
function run(handoff: Handoff, ...steps: Array<[HandoffEvent, number]>): Handoff {
  for (const [event, hours] of steps) {
    const result = transition(handoff, event, { now: at(hours), policy });
    if (!result.ok) throw new Error(`rejected ${event.type}: ${result.code}`);
    handoff = result.handoff;
  }
  return handoff;
}

const consent: HandoffEvent = { type: "consent_given", by: "U-asker", anonymous: false };
const claimByAnna: HandoffEvent = { type: "claim", by: anna, onRoster: true };

describe("handoff state machine", () => {
  it("given a new handoff, then it asks the asker for consent and schedules the consent timeout", () => {
    const { handoff, effects } = createdWithEffects();
    expect(handoff).toMatchObject({ status: "awaiting_consent", remindersSent: 0, escalated: false, answers: [] });
    expect(effects).toEqual([
      { type: "tell_asker", message: "consent_request" },
      { type: "schedule", timer: "consent_timeout", at: at(1).toISOString() },
    ]);
    expect(transition(handoff, { type: "reminder_due" }, { now: t0, policy })).toMatchObject({ ok: true, effects: [] });
  });

  describe("consent", () => {
    it("given consent, then the thread opens with the routed people mentioned, the asker is told, and a reminder is scheduled", () => {
      const result = transition(created(), consent, { now: at(0.1), policy });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.handoff).toMatchObject({ status: "open", sharing: "named", openedAt: at(0.1).toISOString() });
      expect(result.effects).toEqual([
        { type: "cancel_timers" },
        { type: "open_thread", mentions: [anna] },
        { type: "tell_asker", message: "shared" },
        { type: "schedule", timer: "reminder", at: at(4.1).toISOString() },
      ]);
    });

    it("given anonymous consent, then the handoff is shared as anonymous", () => {
      const h = run(created(), [{ type: "consent_given", by: "U-asker", anonymous: true }, 0]);
      expect(h.sharing).toBe("anonymous");
    });

    it("given refusal, then nothing is shared and the asker is told", () => {
      const result = transition(created(), { type: "consent_refused", by: "U-asker" }, { now: at(0.1), policy });
      expect(result).toMatchObject({
        ok: true,
        handoff: { status: "declined" },
        effects: [{ type: "cancel_timers" }, { type: "tell_asker", message: "not_shared" }],
      });
    });

    it("given no reply in time, then nothing is shared and the asker is told", () => {
      const result = transition(created(), { type: "consent_timeout" }, { now: at(1), policy });
      expect(result).toMatchObject({ ok: true, handoff: { status: "expired" }, effects: [{ type: "tell_asker", message: "consent_expired" }] });
    });

    it("given someone else answers the consent question, then it is refused", () => {
      const result = transition(created(), { type: "consent_given", by: "U-other", anonymous: false }, { now: t0, policy });
      expect(result).toMatchObject({ ok: false, code: "not_asker" });
    });

    it("given a consent timeout after consent, then it is a stale timer and changes nothing", () => {
      const h = run(created(), [consent, 0.1]);
      expect(transition(h, { type: "consent_timeout" }, { now: at(1), policy })).toMatchObject({ ok: true, handoff: h, effects: [] });
    });

    it("given a claim before consent, then it is refused (nothing was shared yet)", () => {
      expect(transition(created(), claimByAnna, { now: t0, policy })).toMatchObject({ ok: false, code: "not_allowed_now" });
    });
  });

  describe("claim", () => {
    it("given a roster member claims an open handoff, then it is theirs, the thread shows it and the asker is told", () => {
      const h = run(created(), [consent, 0]);
      const result = transition(h, claimByAnna, { now: at(1), policy });
      expect(result).toMatchObject({
        ok: true,
        handoff: { status: "claimed", claimedBy: anna },
        effects: [
          { type: "cancel_timers" },
          { type: "update_thread", status: "claimed", claimedBy: anna },
          { type: "post_in_thread", kind: "claimed" },
          { type: "tell_asker", message: "claimed" },
        ],
      });
    });

    it("given a second claim, then exactly one wins and the other is told who has it", () => {
      const h = run(created(), [consent, 0], [claimByAnna, 1]);
      const second = transition(h, { type: "claim", by: bram, onRoster: true }, { now: at(1), policy });
      expect(second).toMatchObject({ ok: false, code: "already_claimed", handoff: { claimedBy: anna } });
    });

    it("given the same person claims twice, then the second changes nothing", () => {
      const h = run(created(), [consent, 0], [claimByAnna, 1]);
      expect(transition(h, claimByAnna, { now: at(1), policy })).toMatchObject({ ok: true, handoff: h, effects: [] });
    });

    it("given someone not on the roster, then they cannot claim", () => {
      const h = run(created(), [consent, 0]);
      expect(transition(h, { type: "claim", by: bram, onRoster: false }, { now: at(1), policy })).toMatchObject({ ok: false, code: "not_on_roster" });
    });

    it("given a claim after close, then it is refused", () => {
      const h = run(created(), [consent, 0], [claimByAnna, 1], [{ type: "close", by: anna, role: "tolk" }, 2]);
      expect(transition(h, { type: "claim", by: bram, onRoster: true }, { now: at(3), policy })).toMatchObject({ ok: false, code: "not_allowed_now" });
    });

    it("given a claim on a declined handoff, then it is refused", () => {
      const h = run(created(), [{ type: "consent_refused", by: "U-asker" }, 0]);
      expect(transition(h, claimByAnna, { now: at(1), policy })).toMatchObject({ ok: false, code: "finished" });
    });
  });

  describe("answer and relay", () => {
    it("given the claimer replies, then the reply is relayed to the asker, marked as from that person", () => {
      const h = run(created(), [consent, 0], [claimByAnna, 1]);
      const result = transition(h, { type: "tolk_reply", by: anna, onRoster: true, text: "Bel de gemeente." }, { now: at(2), policy });
      expect(result).toMatchObject({
        ok: true,
        handoff: { answers: ["Bel de gemeente."] },
        effects: [{ type: "relay_to_asker", from: anna, text: "Bel de gemeente." }],
      });
    });

    it("given a reply before anyone claimed, then it is refused", () => {
      const h = run(created(), [consent, 0]);
      expect(transition(h, { type: "tolk_reply", by: anna, onRoster: true, text: "x" }, { now: at(1), policy })).toMatchObject({ ok: false, code: "not_claimed" });
    });

    it("given another roster member replies, then it stays in the thread (not relayed)", () => {
      const h = run(created(), [consent, 0], [claimByAnna, 1]);
      expect(transition(h, { type: "tolk_reply", by: bram, onRoster: true, text: "x" }, { now: at(1), policy })).toMatchObject({ ok: false, code: "not_claimer" });
    });

    it("given the asker follows up, then it flows back into the handoff thread", () => {
      const h = run(created(), [consent, 0], [claimByAnna, 1]);
      const result = transition(h, { type: "asker_reply", by: "U-asker", text: "En voor 200 mensen?" }, { now: at(2), policy });
      expect(result).toMatchObject({ ok: true, effects: [{ type: "post_in_thread", kind: "asker_reply", text: "En voor 200 mensen?" }] });
    });

    it("given the asker follows up while it is still open, then it goes to the thread too", () => {
      const h = run(created(), [consent, 0]);
      expect(transition(h, { type: "asker_reply", by: "U-asker", text: "Nog iets" }, { now: at(1), policy })).toMatchObject({ ok: true });
    });
  });

  describe("close, learning loop and reopen", () => {
    const answered = () =>
      run(created(), [consent, 0], [claimByAnna, 1], [{ type: "tolk_reply", by: anna, onRoster: true, text: "Vraag een evenementenvergunning aan bij de gemeente." }, 2]);

    it("given the claimer closes with 'Toevoegen aan kennisbank', then the approved answer becomes knowledge without the asker's identity", () => {
      const result = transition(answered(), { type: "close", by: anna, role: "tolk", addToKnowledge: true }, { now: at(3), policy });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.handoff).toMatchObject({ status: "resolved", resolvedAt: at(3).toISOString() });
      const learn = result.effects.find((e) => e.type === "add_to_knowledge");
      expect(learn).toEqual({
        type: "add_to_knowledge",
        question: "Hoe regelen we een vergunning voor ons buurtfeest?",
        answer: "Vraag een evenementenvergunning aan bij de gemeente.",
        theme: "vergunningen",
      });
      expect(JSON.stringify(learn)).not.toMatch(/Sanne|U-asker/);
      expect(result.effects).toContainEqual({ type: "tell_asker", message: "resolved" });
    });

    it("given close without an answer, then nothing is added to the knowledge store", () => {
      const h = run(created(), [consent, 0], [claimByAnna, 1]);
      const result = transition(h, { type: "close", by: anna, role: "tolk", addToKnowledge: true }, { now: at(3), policy });
      expect(result.ok && result.effects.some((e) => e.type === "add_to_knowledge")).toBe(false);
    });

    it("given the asker closes, then it is resolved", () => {
      const h = run(created(), [consent, 0]);
      const result = transition(h, { type: "close", by: { userId: "U-asker", name: "Sanne" }, role: "asker" }, { now: at(1), policy });
      expect(result).toMatchObject({ ok: true, handoff: { status: "resolved" } });
    });

    it("given a tolk who did not claim it tries to close, then it is refused", () => {
      expect(transition(answered(), { type: "close", by: bram, role: "tolk" }, { now: at(3), policy })).toMatchObject({ ok: false, code: "not_claimer" });
    });

    it("given the asker reopens within the window, then it goes back to the person who had it", () => {
      const closed = run(answered(), [{ type: "close", by: anna, role: "tolk" }, 3]);
      const result = transition(closed, { type: "reopen", by: "U-asker" }, { now: at(24), policy });
      expect(result).toMatchObject({
        ok: true,
        handoff: { status: "claimed", claimedBy: anna },
        effects: [
          { type: "update_thread", status: "claimed", claimedBy: anna },
          { type: "post_in_thread", kind: "reopened" },
          { type: "tell_asker", message: "reopened" },
        ],
      });
    });

    it("given the asker reopens after the window, then it is refused", () => {
      const closed = run(answered(), [{ type: "close", by: anna, role: "tolk" }, 3]);
      expect(transition(closed, { type: "reopen", by: "U-asker" }, { now: at(3 + 7 * 24 + 1), policy })).toMatchObject({ ok: false, code: "reopen_window_passed" });
    });

    it("given someone other than the asker reopens, then it is refused", () => {
      const closed = run(answered(), [{ type: "close", by: anna, role: "tolk" }, 3]);
      expect(transition(closed, { type: "reopen", by: "U-anna" }, { now: at(4), policy })).toMatchObject({ ok: false, code: "not_asker" });
    });

    it("given a reply after close, then it is refused", () => {
      const closed = run(answered(), [{ type: "close", by: anna, role: "tolk" }, 3]);
      expect(transition(closed, { type: "tolk_reply", by: anna, onRoster: true, text: "x" }, { now: at(4), policy })).toMatchObject({ ok: false, code: "not_allowed_now" });
    });
  });

  describe("escalation", () => {
    it("given nobody claims, then reminders go out, then the coordinator is mentioned and the asker told it takes longer", () => {
      let h = run(created(), [consent, 0]);
      const first = transition(h, { type: "reminder_due" }, { now: at(4), policy });
      expect(first).toMatchObject({
        ok: true,
        effects: [{ type: "post_in_thread", kind: "reminder", mentions: [anna] }, { type: "schedule", timer: "reminder", at: at(8).toISOString() }],
      });
      h = run(h, [{ type: "reminder_due" }, 4]);
      const escalation = transition(h, { type: "reminder_due" }, { now: at(8), policy });
      expect(escalation).toMatchObject({
        ok: true,
        handoff: { remindersSent: 2, escalated: true },
        effects: [
          { type: "post_in_thread", kind: "escalation", mentions: [coordinator] },
          { type: "tell_asker", message: "taking_longer" },
          { type: "schedule", timer: "reminder", at: at(12).toISOString() },
        ],
      });
      if (!escalation.ok) return;
      const after = transition(escalation.handoff, { type: "reminder_due" }, { now: at(12), policy });
      expect(after.ok && after.effects.filter((e) => e.type === "tell_asker")).toEqual([]);
    });

    it("given a reminder after the handoff was claimed, then it is a stale timer", () => {
      const h = run(created(), [consent, 0], [claimByAnna, 1]);
      expect(transition(h, { type: "reminder_due" }, { now: at(4), policy })).toMatchObject({ ok: true, effects: [] });
    });

    it("given working hours, then reminders are scheduled in working time", () => {
      const overnight: HandoffPolicy = { ...policy, addWorkingTime: (from, ms) => new Date(from.getTime() + ms + 12 * HOUR) };
      const result = transition(created(), consent, { now: t0, policy: overnight });
      expect(result.ok && result.effects.at(-1)).toEqual({ type: "schedule", timer: "reminder", at: at(16).toISOString() });
    });
  });

  it("never changes the handoff it is given", () => {
    const h = run(created(), [consent, 0]);
    const copy = structuredClone(h);
    transition(h, claimByAnna, { now: at(1), policy });
    expect(h).toEqual(copy);
  });
});
