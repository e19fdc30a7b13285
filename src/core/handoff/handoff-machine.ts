import type {
  AskerRef, Handoff, HandoffEffect, HandoffEvent, HandoffPolicy, Person, RejectionCode, TransitionResult,
} from "./handoff-types.js";

export type TransitionContext = { now: Date; policy: HandoffPolicy };

export type NewHandoffInput = {
  id: string;
  question: string;
  /** What the asker typed, when the question differs from it. */
  typed?: string;
  asker: AskerRef;
  theme?: string;
  findings: string[];
  routedTo: Person[];
  now: Date;
  policy: HandoffPolicy;
};

/** A new handoff waits for the asker's consent: nothing is shared before it. */
export function newHandoff(input: NewHandoffInput): { handoff: Handoff; effects: HandoffEffect[] } {
  const handoff: Handoff = {
    id: input.id,
    status: "awaiting_consent",
    question: input.question,
    ...(input.typed && input.typed !== input.question ? { typed: input.typed } : {}),
    asker: input.asker,
    theme: input.theme,
    findings: input.findings,
    routedTo: input.routedTo,
    answers: [],
    remindersSent: 0,
    escalated: false,
    createdAt: input.now.toISOString(),
  };
  const timeoutAt = new Date(input.now.getTime() + input.policy.consentTimeoutMs).toISOString();
  return {
    handoff,
    effects: [
      { type: "tell_asker", message: "consent_request" },
      { type: "schedule", timer: "consent_timeout", at: timeoutAt },
    ],
  };
}

/**
 * The handoff workflow as a pure function: the next state and the effects to carry out, or a
 * rejection with a reason. Timer events that arrive for a state they no longer apply to are stale
 * and change nothing, so a timer fired twice (after a restart) is harmless.
 */
export function transition(handoff: Handoff, event: HandoffEvent, ctx: TransitionContext): TransitionResult {
  const next = (changes: Partial<Handoff>, effects: HandoffEffect[]): TransitionResult => ({
    ok: true,
    handoff: { ...handoff, ...changes },
    effects,
  });
  const reject = (code: RejectionCode): TransitionResult => ({ ok: false, code, handoff });
  const unchanged = (): TransitionResult => ({ ok: true, handoff, effects: [] });
  const isFinal = handoff.status === "declined" || handoff.status === "expired";
  const now = ctx.now.toISOString();
  const nextReminder = (): HandoffEffect => ({
    type: "schedule",
    timer: "reminder",
    at: ctx.policy.addWorkingTime(ctx.now, ctx.policy.reminderIntervalMs).toISOString(),
  });

  switch (event.type) {
    case "consent_given":
    case "consent_refused": {
      if (event.by !== handoff.asker.userId) return reject("not_asker");
      if (handoff.status !== "awaiting_consent") return isFinal ? reject("finished") : unchanged();
      if (event.type === "consent_refused") {
        return next({ status: "declined" }, [{ type: "cancel_timers" }, { type: "tell_asker", message: "not_shared" }]);
      }
      return next({ status: "open", sharing: event.anonymous ? "anonymous" : "named", openedAt: now }, [
        { type: "cancel_timers" },
        { type: "open_thread", mentions: handoff.routedTo },
        { type: "tell_asker", message: "shared" },
        nextReminder(),
      ]);
    }

    case "consent_timeout":
      if (handoff.status !== "awaiting_consent") return unchanged();
      return next({ status: "expired" }, [{ type: "tell_asker", message: "consent_expired" }]);

    case "claim":
      if (isFinal) return reject("finished");
      if (handoff.status !== "open" && handoff.status !== "claimed") return reject("not_allowed_now");
      if (!event.onRoster) return reject("not_on_roster");
      if (handoff.claimedBy) return handoff.claimedBy.userId === event.by.userId ? unchanged() : reject("already_claimed");
      return next({ status: "claimed", claimedBy: event.by }, [
        { type: "cancel_timers" },
        { type: "update_thread", status: "claimed", claimedBy: event.by },
        { type: "post_in_thread", kind: "claimed" },
        { type: "tell_asker", message: "claimed" },
      ]);

    case "tolk_reply":
      if (handoff.status === "open") return reject("not_claimed");
      if (handoff.status !== "claimed") return reject(isFinal ? "finished" : "not_allowed_now");
      if (!event.onRoster) return reject("not_on_roster");
      if (handoff.claimedBy?.userId !== event.by.userId) return reject("not_claimer");
      return next({ answers: [...handoff.answers, event.text] }, [
        { type: "relay_to_asker", from: event.by, text: event.text },
        ...(event.outsideThread ? [{ type: "post_in_thread" as const, kind: "tolk_reply" as const, text: event.text, from: event.by }] : []),
      ]);

    case "asker_reply":
      if (event.by !== handoff.asker.userId) return reject("not_asker");
      if (handoff.status !== "open" && handoff.status !== "claimed") return reject(isFinal ? "finished" : "not_allowed_now");
      return next({}, [{ type: "post_in_thread", kind: "asker_reply", text: event.text }]);

    case "close": {
      if (handoff.status !== "open" && handoff.status !== "claimed") return reject(isFinal ? "finished" : "not_allowed_now");
      if (event.role === "asker" && event.by.userId !== handoff.asker.userId) return reject("not_asker");
      if (event.role === "tolk" && handoff.claimedBy?.userId !== event.by.userId) {
        return reject(handoff.claimedBy ? "not_claimer" : "not_claimed");
      }
      const learn: HandoffEffect[] =
        event.role === "tolk" && event.addToKnowledge && handoff.answers.length > 0
          ? [{ type: "add_to_knowledge", question: handoff.question, answer: handoff.answers.join("\n\n"), theme: handoff.theme }]
          : [];
      return next({ status: "resolved", resolvedAt: now }, [
        { type: "cancel_timers" },
        { type: "update_thread", status: "resolved", claimedBy: handoff.claimedBy },
        { type: "post_in_thread", kind: "resolved" },
        { type: "tell_asker", message: "resolved" },
        ...learn,
      ]);
    }

    case "reopen": {
      if (event.by !== handoff.asker.userId) return reject("not_asker");
      if (handoff.status !== "resolved") return reject(isFinal ? "finished" : "not_allowed_now");
      const resolvedAt = Date.parse(handoff.resolvedAt ?? now);
      if (ctx.now.getTime() - resolvedAt > ctx.policy.reopenWindowMs) return reject("reopen_window_passed");
      // A claim of a person since forgotten (kennis -- vergeet left it without id) holds nobody: open for the team.
      const claimedBy = handoff.claimedBy?.userId ? handoff.claimedBy : undefined;
      const status = claimedBy ? "claimed" : "open";
      return next({ status, resolvedAt: undefined, claimedBy }, [
        { type: "update_thread", status, claimedBy },
        { type: "post_in_thread", kind: "reopened" },
        { type: "tell_asker", message: "reopened" },
        ...(status === "open" ? [nextReminder()] : []),
      ]);
    }

    case "reminder_due": {
      if (handoff.status !== "open") return unchanged();
      const remindersSent = handoff.remindersSent + 1;
      if (remindersSent < ctx.policy.remindersBeforeEscalation) {
        return next({ remindersSent }, [{ type: "post_in_thread", kind: "reminder", mentions: handoff.routedTo }, nextReminder()]);
      }
      const escalation: HandoffEffect[] = [{ type: "post_in_thread", kind: "escalation", mentions: ctx.policy.coordinators }];
      if (!handoff.escalated) escalation.push({ type: "tell_asker", message: "taking_longer" });
      return next({ remindersSent, escalated: true }, [...escalation, nextReminder()]);
    }
  }
}
