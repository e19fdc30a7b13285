/** A handoff: a question the assistant passes, with the asker's consent, to a tolk or vrije actor. */
export type HandoffStatus =
  | "awaiting_consent" // the asker is asked whether the question may be shared
  | "declined" //         the asker chose not to share (final)
  | "expired" //          no answer to the consent question in time; nothing shared (final)
  | "open" //             in the handoff channel, waiting for someone to pick it up
  | "claimed" //          a tolk / vrije actor has it
  | "resolved"; //        closed by the tolk or the asker; the asker may reopen for a while

export type Person = { userId: string; name: string };

/** Where the asker asked: the thread the answer must come back to; "en" for an asker who asked in English. */
export type AskerRef = Person & { channel: string; conversationId: string; language?: "en" };

export type Handoff = {
  id: string;
  status: HandoffStatus;
  question: string;
  /**
   * What the asker typed, where the question differs from it (cut to MAX_QUESTION_CHARS, a follow-up
   * rewritten): kept only while consent is asked, so an unshared question's typed text can be forgotten too.
   */
  typed?: string;
  asker: AskerRef;
  /** How the question is shared; set when the asker consents. */
  sharing?: "named" | "anonymous";
  theme?: string;
  /** What the knowledge store did find, so the tolk does not start from zero. */
  findings: string[];
  /** Roster members mentioned when the thread opens (by theme and region). */
  routedTo: Person[];
  claimedBy?: Person;
  /** The tolk's replies, in order (the approved answer for the learning loop). */
  answers: string[];
  remindersSent: number;
  escalated: boolean;
  createdAt: string;
  openedAt?: string;
  resolvedAt?: string;
};

export type HandoffEvent =
  | { type: "consent_given"; by: string; anonymous: boolean }
  | { type: "consent_refused"; by: string }
  | { type: "consent_timeout" }
  | { type: "claim"; by: Person; onRoster: boolean }
  /** `outsideThread`: written outside the handoff's thread (the team view's form): the thread gets a copy, committed with the reply. */
  | { type: "tolk_reply"; by: Person; onRoster: boolean; text: string; outsideThread?: boolean }
  | { type: "asker_reply"; by: string; text: string }
  | { type: "close"; by: Person; role: "tolk" | "asker"; addToKnowledge?: boolean }
  | { type: "reopen"; by: string }
  | { type: "reminder_due" };

/** What should happen in the world after a transition; channel adapters carry these out. */
export type HandoffEffect =
  | { type: "tell_asker"; message: AskerNotice }
  | { type: "open_thread"; mentions: Person[] }
  | { type: "update_thread"; status: HandoffStatus; claimedBy?: Person }
  | { type: "post_in_thread"; kind: ThreadPost; text?: string; mentions?: Person[]; from?: Person }
  | { type: "relay_to_asker"; from: Person; text: string }
  | { type: "schedule"; timer: TimerKind; at: string }
  | { type: "cancel_timers" }
  | { type: "add_to_knowledge"; question: string; answer: string; theme?: string };

export type AskerNotice =
  | "consent_request"
  | "not_shared"
  | "consent_expired"
  | "passing_on"
  | "shared"
  | "claimed"
  | "taking_longer"
  | "resolved"
  | "reopened"
  | "delivery_delayed";

/** `relay_parked`: a person's answer to the asker gave up ("vastgelopen"); `text` quotes its start, `from` is who wrote it. */
export type ThreadPost = "claimed" | "asker_reply" | "tolk_reply" | "reminder" | "escalation" | "resolved" | "reopened" | "relay_parked";

export type TimerKind = "consent_timeout" | "reminder";

export type HandoffPolicy = {
  consentTimeoutMs: number;
  /** Time to first reminder, and between reminders, counted in working time. */
  reminderIntervalMs: number;
  /** Reminders to the routed people before the coordinator is mentioned. */
  remindersBeforeEscalation: number;
  reopenWindowMs: number;
  coordinators: Person[];
  /** Adds working time (skipping nights and weekends, if configured) to a moment. */
  addWorkingTime(from: Date, ms: number): Date;
};

export type RejectionCode =
  | "not_on_roster"
  | "already_claimed"
  | "not_claimed"
  | "not_claimer"
  | "not_asker"
  | "finished"
  | "reopen_window_passed"
  | "not_allowed_now";

export type TransitionResult =
  | { ok: true; handoff: Handoff; effects: HandoffEffect[] }
  | { ok: false; code: RejectionCode; handoff: Handoff };
