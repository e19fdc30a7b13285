import type {
  IntroAsker, Introduction, IntroductionEffect, IntroductionEvent, IntroductionPolicy, IntroRejection, IntroTransition, Party,
} from "./introduction-types.js";

export type IntroContext = { now: Date; policy: IntroductionPolicy };

export type NewIntroductionInput = {
  id: string;
  question: string;
  asker: IntroAsker;
  initiativeId: string;
  initiativeName: string;
  initiativeWebsite?: string;
  contact: Party;
  theme?: string;
  region?: string;
  now: Date;
  policy: IntroductionPolicy;
};

const FINAL = new Set(["declined", "expired", "cancelled", "withdrawn"]);

/** A new introduction first asks the asker what may be passed on: nothing reaches the contact before that. */
export function newIntroduction(input: NewIntroductionInput): { intro: Introduction; effects: IntroductionEffect[] } {
  const { now, policy, ...rest } = input;
  const intro: Introduction = { ...rest, status: "choosing", createdAt: now.toISOString(), helped: {} };
  return { intro, effects: [{ type: "schedule", timer: "choice_timeout", at: after(now, policy.choiceTimeoutMs) }] };
}

/**
 * The introduction workflow as a pure function: the next state and the effects to carry out, or a
 * rejection with a reason. A repeated press (the same answer again) and a timer that fires for a
 * state it no longer applies to change nothing.
 */
export function transitionIntroduction(intro: Introduction, event: IntroductionEvent, ctx: IntroContext): IntroTransition {
  const next = (changes: Partial<Introduction>, effects: IntroductionEffect[]): IntroTransition => ({ ok: true, intro: { ...intro, ...changes }, effects });
  const reject = (code: IntroRejection): IntroTransition => ({ ok: false, code, intro });
  const unchanged = (): IntroTransition => ({ ok: true, intro, effects: [] });
  const isFinal = FINAL.has(intro.status);
  const now = ctx.now.toISOString();
  const isActor = (party: { platform: string; userId: string }) => "by" in event && event.by.platform === party.platform && event.by.userId === party.userId;
  const byAsker = isActor(intro.asker);
  const byContact = isActor(intro.contact);

  switch (event.type) {
    case "sharing_chosen":
      if (!byAsker) return reject("not_asker");
      if (intro.status !== "choosing") return isFinal ? reject("finished") : unchanged();
      return next({ status: "requested", sharing: event.sharing, requestedAt: now }, [
        { type: "cancel_timers" },
        { type: "send_request" },
        { type: "tell_asker", message: "request_sent" },
        { type: "schedule", timer: "answer_timeout", at: after(ctx.now, ctx.policy.answerTimeoutMs) },
      ]);

    case "cancel":
      if (!byAsker) return reject("not_asker");
      if (intro.status === "cancelled") return unchanged();
      if (intro.status !== "choosing" && intro.status !== "requested") return reject(isFinal ? "finished" : "not_allowed_now");
      return next({ status: "cancelled" }, [
        { type: "cancel_timers" },
        { type: "tell_asker", message: "cancelled" },
        ...(intro.status === "requested" ? [{ type: "tell_contact", message: "request_cancelled" } as const] : []),
      ]);

    case "accept":
      if (!byContact) return reject("not_contact");
      if (intro.status === "accepted") return unchanged();
      if (intro.status !== "requested") return reject(isFinal ? "finished" : "not_allowed_now");
      return next({ status: "accepted", answeredAt: now }, [
        { type: "cancel_timers" },
        // On one platform they share a conversation; across platforms each gets the other's name and handle.
        ...(intro.asker.platform === intro.contact.platform
          ? [{ type: "connect" } as const]
          : [{ type: "tell_asker", message: "introduced" } as const, { type: "tell_contact", message: "introduced" } as const]),
        { type: "schedule", timer: "follow_up", at: after(ctx.now, ctx.policy.followUpMs) },
      ]);

    case "decline":
    case "withdraw":
      if (!byContact) return reject("not_contact");
      if (intro.status === "declined" || intro.status === "withdrawn") return unchanged();
      if (intro.status === "requested") {
        // The asker hears it kindly and without a reason; a withdrawal before answering is a "liever niet".
        return next({ status: "declined", answeredAt: now }, [{ type: "cancel_timers" }, { type: "tell_asker", message: "not_now" }]);
      }
      if (intro.status === "accepted" && event.type === "withdraw") {
        return next({ status: "withdrawn" }, [{ type: "cancel_timers" }, { type: "tell_asker", message: "contact_withdrew" }]);
      }
      return reject(isFinal ? "finished" : "not_allowed_now");

    case "helped": {
      const role = byAsker ? "asker" : byContact ? "contact" : undefined;
      if (!role) return reject("not_asker");
      if (intro.status !== "accepted" && intro.status !== "withdrawn") return reject("not_allowed_now");
      if (intro.helped[role] !== undefined) return unchanged();
      return next({ helped: { ...intro.helped, [role]: event.helped } }, []);
    }

    case "choice_timeout":
      if (intro.status !== "choosing") return unchanged();
      return next({ status: "expired" }, []);

    case "answer_timeout":
      if (intro.status !== "requested") return unchanged();
      return next({ status: "expired" }, [{ type: "tell_asker", message: "not_now" }, { type: "tell_contact", message: "request_expired" }]);

    case "follow_up_due":
      if (intro.status !== "accepted" || intro.followUpAskedAt) return unchanged();
      return next({ followUpAskedAt: now }, [{ type: "ask_helped", to: "asker" }, { type: "ask_helped", to: "contact" }]);
  }
}

function after(from: Date, ms: number): string {
  return new Date(from.getTime() + ms).toISOString();
}
