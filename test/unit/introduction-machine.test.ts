import { describe, expect, it } from "vitest";
import { newIntroduction, transitionIntroduction } from "../../src/core/introductions/introduction-machine.js";
import type { Introduction, IntroductionEvent, IntroductionPolicy } from "../../src/core/introductions/introduction-types.js";

const DAY = 86_400_000;
const policy: IntroductionPolicy = { choiceTimeoutMs: 1 * DAY, answerTimeoutMs: 5 * DAY, followUpMs: 14 * DAY };
const t0 = new Date("2026-11-23T09:00:00Z");
const at = (days: number) => new Date(t0.getTime() + days * DAY);

function fresh(contactPlatform = "slack") {
  return newIntroduction({
    id: "i1", question: "Hoe starten we een buurtbus?", initiativeId: "schakel", initiativeName: "Dorpshuis De Schakel",
    asker: { platform: "slack", userId: "U-asker", name: "Sanne", conversationId: "C1:1.1" },
    contact: { platform: contactPlatform, userId: "U-contact", name: "Kees" }, theme: "mobiliteit", region: "Lopik", now: t0, policy,
  });
}

function step(intro: Introduction, event: IntroductionEvent, days = 0) {
  return transitionIntroduction(intro, event, { now: at(days), policy });
}

/** Applies events in order, failing on any rejection. */
function run(intro: Introduction, ...events: Array<[IntroductionEvent, number]>): Introduction {
  for (const [event, days] of events) {
    const result = step(intro, event, days);
    if (!result.ok) throw new Error(`${event.type} rejected: ${result.code}`);
    intro = result.intro;
  }
  return intro;
}

const ASKER = { platform: "slack", userId: "U-asker" };
const CONTACT = { platform: "slack", userId: "U-contact" };
const OTHER = { platform: "slack", userId: "U-other" };
const choose = { type: "sharing_chosen", by: ASKER, sharing: "question_and_name" } as const;
const requested = () => run(fresh().intro, [choose, 0]);
const accepted = () => run(requested(), [{ type: "accept", by: CONTACT }, 1]);

describe("introduction machine", () => {
  it("given a new introduction, then it waits for the asker's choice and nothing reaches the contact", () => {
    const { intro, effects } = fresh();
    expect(intro.status).toBe("choosing");
    expect(effects).toEqual([{ type: "schedule", timer: "choice_timeout", at: at(1).toISOString() }]);
  });

  it("given the asker chooses what is passed on, then the contact gets the request and an answer timer runs", () => {
    const result = step(fresh().intro, { type: "sharing_chosen", by: ASKER, sharing: "question_only" });
    expect(result.ok && result.intro).toMatchObject({ status: "requested", sharing: "question_only" });
    expect(result.ok && result.effects).toEqual([
      { type: "cancel_timers" }, { type: "send_request" }, { type: "tell_asker", message: "request_sent" },
      { type: "schedule", timer: "answer_timeout", at: at(5).toISOString() },
    ]);
  });

  it("given someone else chooses, then it is refused; a second choice changes nothing", () => {
    expect(step(fresh().intro, { ...choose, by: OTHER })).toMatchObject({ ok: false, code: "not_asker" });
    const again = step(requested(), choose);
    expect(again.ok && again.effects).toEqual([]);
  });

  it("given the contact accepts on the asker's platform, then they share a conversation and a follow-up is planned", () => {
    const result = step(requested(), { type: "accept", by: CONTACT }, 1);
    expect(result.ok && result.intro.status).toBe("accepted");
    expect(result.ok && result.effects).toEqual([{ type: "cancel_timers" }, { type: "connect" }, { type: "schedule", timer: "follow_up", at: at(15).toISOString() }]);
  });

  it("given the contact accepts on another platform, then each is told the other's name and handle", () => {
    const intro = run(fresh("discord").intro, [choose, 0]);
    const result = step(intro, { type: "accept", by: { platform: "discord", userId: "U-contact" } });
    expect(result.ok && result.effects.slice(1, 3)).toEqual([{ type: "tell_asker", message: "introduced" }, { type: "tell_contact", message: "introduced" }]);
  });

  it("given someone on another platform using the contact's or the asker's id (a web chat user calling themselves U-contact), then they are neither", () => {
    expect(step(requested(), { type: "accept", by: { platform: "web", userId: "U-contact" } })).toMatchObject({ ok: false, code: "not_contact" });
    expect(step(requested(), { type: "decline", by: { platform: "discord", userId: "U-contact" } })).toMatchObject({ ok: false, code: "not_contact" });
    expect(step(fresh().intro, { ...choose, by: { platform: "web", userId: "U-asker" } })).toMatchObject({ ok: false, code: "not_asker" });
  });

  it("given a repeated accept, then nothing happens twice; someone else cannot accept", () => {
    const again = step(accepted(), { type: "accept", by: CONTACT });
    expect(again.ok && again.effects).toEqual([]);
    expect(step(requested(), { type: "accept", by: ASKER })).toMatchObject({ ok: false, code: "not_contact" });
  });

  it("given the contact cannot accept before the asker chose, then it is refused", () => {
    expect(step(fresh().intro, { type: "accept", by: CONTACT })).toMatchObject({ ok: false, code: "not_allowed_now" });
  });

  it("given the contact declines, then the asker is told kindly, without a reason, and accepting later is refused", () => {
    const result = step(requested(), { type: "decline", by: CONTACT }, 1);
    expect(result.ok && result.intro.status).toBe("declined");
    expect(result.ok && result.effects).toEqual([{ type: "cancel_timers" }, { type: "tell_asker", message: "not_now" }]);
    const intro = result.ok ? result.intro : requested();
    expect(step(intro, { type: "accept", by: CONTACT })).toMatchObject({ ok: false, code: "finished" });
    expect(step(intro, { type: "decline", by: CONTACT })).toMatchObject({ ok: true, effects: [] });
  });

  it("given no answer in time, then it expires: the asker is told kindly and the contact's request lapses", () => {
    const result = step(requested(), { type: "answer_timeout" }, 5);
    expect(result.ok && result.intro.status).toBe("expired");
    expect(result.ok && result.effects).toEqual([{ type: "tell_asker", message: "not_now" }, { type: "tell_contact", message: "request_expired" }]);
  });

  it("given a timer that fires for a state it no longer applies to, then nothing changes", () => {
    for (const event of [{ type: "answer_timeout" }, { type: "choice_timeout" }] as const) {
      const intro = accepted();
      const result = step(intro, event, 6);
      expect(result).toEqual({ ok: true, intro, effects: [] });
    }
    const waiting = requested();
    expect(step(waiting, { type: "follow_up_due" })).toEqual({ ok: true, intro: waiting, effects: [] });
  });

  it("given the asker does not choose in time, then it expires quietly", () => {
    const result = step(fresh().intro, { type: "choice_timeout" }, 1);
    expect(result.ok && result.intro.status).toBe("expired");
    expect(result.ok && result.effects).toEqual([]);
  });

  it("given the asker cancels while choosing or while the request waits, then it stops (and the contact hears it only if asked)", () => {
    const whileChoosing = step(fresh().intro, { type: "cancel", by: ASKER });
    expect(whileChoosing.ok && whileChoosing.effects).toEqual([{ type: "cancel_timers" }, { type: "tell_asker", message: "cancelled" }]);
    const whileWaiting = step(requested(), { type: "cancel", by: ASKER });
    expect(whileWaiting.ok && whileWaiting.effects).toContainEqual({ type: "tell_contact", message: "request_cancelled" });
    expect(step(requested(), { type: "cancel", by: CONTACT })).toMatchObject({ ok: false, code: "not_asker" });
    expect(step(accepted(), { type: "cancel", by: ASKER })).toMatchObject({ ok: false, code: "not_allowed_now" });
  });

  it("given the contact withdraws, then a waiting request becomes a kind no, and after accepting the follow-up stops", () => {
    const before = step(requested(), { type: "withdraw", by: CONTACT });
    expect(before.ok && before.intro.status).toBe("declined");
    const after = step(accepted(), { type: "withdraw", by: CONTACT });
    expect(after.ok && after.intro.status).toBe("withdrawn");
    expect(after.ok && after.effects).toEqual([{ type: "cancel_timers" }, { type: "tell_asker", message: "contact_withdrew" }]);
    expect(step(accepted(), { type: "withdraw", by: ASKER })).toMatchObject({ ok: false, code: "not_contact" });
  });

  it("given the follow-up time, then both are asked once whether it helped, and each answer counts once", () => {
    const due = step(accepted(), { type: "follow_up_due" }, 15);
    expect(due.ok && due.effects).toEqual([{ type: "ask_helped", to: "asker" }, { type: "ask_helped", to: "contact" }]);
    const asked = due.ok ? due.intro : accepted();
    expect(step(asked, { type: "follow_up_due" }, 16)).toMatchObject({ ok: true, effects: [] });
    const helped = run(asked, [{ type: "helped", by: ASKER, helped: true }, 16], [{ type: "helped", by: CONTACT, helped: false }, 16]);
    expect(helped.helped).toEqual({ asker: true, contact: false });
    expect(run(helped, [{ type: "helped", by: ASKER, helped: false }, 17]).helped.asker).toBe(true);
    expect(step(helped, { type: "helped", by: OTHER, helped: true })).toMatchObject({ ok: false, code: "not_asker" });
    expect(step(requested(), { type: "helped", by: ASKER, helped: true })).toMatchObject({ ok: false, code: "not_allowed_now" });
  });
});
