/**
 * An introduction: an asker who wants to talk with an initiative the gids suggested, and that
 * initiative's contact person, brought together only when both agree (double opt-in).
 */
export type IntroductionStatus =
  | "choosing" //   the asker is asked what may be passed on (question and name, or the question only)
  | "requested" //  the contact has a private request with Accepteren / Liever niet
  | "accepted" //   both are introduced to each other
  | "declined" //   the contact said "liever niet" (final; the asker hears it kindly, without a reason)
  | "expired" //    no choice or no answer in time (final)
  | "cancelled" //  the asker stopped it before the contact answered (final)
  | "withdrawn"; // the contact withdrew after accepting: no more follow-up (final)

/** A person on one chat platform ("slack", "discord", "web"). */
export type Party = { platform: string; userId: string; name: string };

/** The asker, with the conversation their answers come back to. */
export type IntroAsker = Party & { conversationId: string; /** Asked in English: their texts are English. */ language?: "en" };

export type Sharing = "question_and_name" | "question_only";

export type Introduction = {
  id: string;
  status: IntroductionStatus;
  question: string;
  asker: IntroAsker;
  initiativeId: string;
  initiativeName: string;
  /** The initiative's website when it was asked: how an asker on another platform can reach it too. */
  initiativeWebsite?: string;
  /** The contact person who gets the request (contactable, chosen when the introduction is created). */
  contact: Party;
  sharing?: Sharing;
  /** For the signals: the initiative's first theme and its gemeente (or provincie). */
  theme?: string;
  region?: string;
  createdAt: string;
  requestedAt?: string;
  answeredAt?: string;
  followUpAskedAt?: string;
  /** "Heeft het geholpen?": each side's answer, once. */
  helped: { asker?: boolean; contact?: boolean };
};

export type IntroRole = "asker" | "contact";

/**
 * Who pressed: the platform counts as much as the id (a web chat user can call themselves "U0KEES";
 * only Slack's U0KEES is the contact Kees).
 */
export type Actor = { platform: string; userId: string };

export type IntroductionEvent =
  | { type: "sharing_chosen"; by: Actor; sharing: Sharing }
  | { type: "cancel"; by: Actor }
  | { type: "accept"; by: Actor }
  | { type: "decline"; by: Actor }
  | { type: "withdraw"; by: Actor }
  | { type: "helped"; by: Actor; helped: boolean }
  | { type: "choice_timeout" }
  | { type: "answer_timeout" }
  | { type: "follow_up_due" };

export type AskerIntroNotice = "request_sent" | "not_now" | "cancelled" | "introduced" | "contact_withdrew";
export type ContactIntroNotice = "request_cancelled" | "introduced" | "request_expired";

/** What should happen in the world after a transition; channel adapters carry these out. */
export type IntroductionEffect =
  | { type: "send_request" }
  | { type: "tell_asker"; message: AskerIntroNotice }
  | { type: "tell_contact"; message: ContactIntroNotice }
  /** Both on the same platform: one shared conversation (Slack group DM, Discord DMs with each other's handle). */
  | { type: "connect" }
  | { type: "ask_helped"; to: IntroRole }
  | { type: "schedule"; timer: IntroTimer; at: string }
  | { type: "cancel_timers" };

export type IntroTimer = "choice_timeout" | "answer_timeout" | "follow_up";

export type IntroductionPolicy = {
  /** How long the asker has to choose what is passed on. */
  choiceTimeoutMs: number;
  /** How long the contact has to answer before the asker is told it does not work out (INTRODUCTION_TIMEOUT_DAYS). */
  answerTimeoutMs: number;
  /** After an accepted introduction, when both are asked whether it helped (INTRODUCTION_FOLLOW_UP_DAYS). */
  followUpMs: number;
};

export type IntroRejection = "not_asker" | "not_contact" | "finished" | "not_allowed_now";

export type IntroTransition =
  | { ok: true; intro: Introduction; effects: IntroductionEffect[] }
  | { ok: false; code: IntroRejection; intro: Introduction };
