import type { IntroApplyResult, IntroductionService, IntroRequestResult } from "./introduction-service.js";
import { INTRO_NL, type IntroButton } from "./introduction-texts.js";
import type { IntroductionEvent } from "./introduction-types.js";

/** What the one who pressed a button reads back, with the buttons to show (and the introduction they act on). */
export type IntroReply = { text: string; buttons: IntroButton[]; introductionId?: string; ok: boolean };

export type ConnectPress = {
  platform: string;
  conversationId: string;
  userId: string;
  userName: string;
  initiativeId: string;
  /** A delivery id (Slack trigger, Discord interaction id): a repeated press does nothing twice. */
  eventKey?: string;
};

export type IntroPress = { platform: string; userId: string; introductionId: string; button: IntroButton; eventKey?: string };

/** What channels may ask of introductions: "Breng me in contact", and every button after it. */
export interface IntroductionApi {
  connectMe(press: ConnectPress): IntroReply;
  press(press: IntroPress): IntroReply;
}

const EVENTS: Record<Exclude<IntroButton, "intro_share_lesson">, (by: string) => IntroductionEvent> = {
  intro_share_named: (by) => ({ type: "sharing_chosen", by, sharing: "question_and_name" }),
  intro_share_question: (by) => ({ type: "sharing_chosen", by, sharing: "question_only" }),
  intro_cancel: (by) => ({ type: "cancel", by }),
  intro_accept: (by) => ({ type: "accept", by }),
  intro_decline: (by) => ({ type: "decline", by }),
  intro_withdraw: (by) => ({ type: "withdraw", by }),
  intro_helped_yes: (by) => ({ type: "helped", by, helped: true }),
  intro_helped_no: (by) => ({ type: "helped", by, helped: false }),
};

const PRESS_REPLIES: Partial<Record<IntroButton, string>> = {
  intro_accept: INTRO_NL.accepted,
  intro_decline: INTRO_NL.declined,
  intro_withdraw: INTRO_NL.withdrawn,
  intro_helped_yes: INTRO_NL.thanksHelped,
  intro_helped_no: INTRO_NL.thanksHelped,
};

/**
 * The channels' side of introductions. The question is the asker's latest question in the
 * conversation where the suggestion was shown (never taken from the button, which anyone could forge).
 */
export function createIntroductionApi(deps: {
  service: IntroductionService;
  /** The latest question this person asked in the conversation (never someone else's in a shared thread). */
  latestQuestion(platform: string, conversationId: string, userId: string): string | undefined;
  /** Tells the outbox there is something to deliver. */
  changed(): void;
}): IntroductionApi {
  const { service } = deps;
  return {
    connectMe(press) {
      const result: IntroRequestResult = service.request({
        initiativeId: press.initiativeId,
        question: deps.latestQuestion(press.platform, press.conversationId, press.userId) ?? "",
        asker: { platform: press.platform, userId: press.userId, name: press.userName, conversationId: press.conversationId },
        eventKey: press.eventKey,
      });
      if (!result.ok) return { ok: false, buttons: [], text: REQUEST_REFUSALS[result.code] };
      const { intro } = result;
      if (intro.status !== "choosing") return { ok: true, buttons: [], introductionId: intro.id, text: INTRO_NL.requestSent(intro) };
      return { ok: true, introductionId: intro.id, text: INTRO_NL.choose(intro.initiativeName), buttons: ["intro_share_named", "intro_share_question", "intro_cancel"] };
    },

    press(press) {
      const before = service.get(press.introductionId);
      if (!before) return { ok: false, buttons: [], text: INTRO_NL.unknownInitiative };
      // A channel opens its own form for this button; it is no step of the introduction.
      if (press.button === "intro_share_lesson") return { ok: false, buttons: [], introductionId: before.id, text: INTRO_NL.lessonFormElsewhere };
      const result: IntroApplyResult = service.apply(press.introductionId, EVENTS[press.button](press.userId), press.eventKey);
      deps.changed();
      const intro = service.get(press.introductionId) ?? before;
      if (result.ok) {
        const text = PRESS_REPLIES[press.button]
          ?? (intro.status === "requested" ? INTRO_NL.passingOn(intro) : intro.status === "cancelled" ? INTRO_NL.cancelled(intro) : INTRO_NL.alreadyAnswered);
        return { ok: true, buttons: buttonsAfter(press.button, intro.status), introductionId: intro.id, text };
      }
      if (result.code === "duplicate") return { ok: true, buttons: [], introductionId: intro.id, text: INTRO_NL.alreadyAnswered };
      if (result.code === "not_asker" || result.code === "not_contact") return { ok: false, buttons: [], text: INTRO_NL.notForYou };
      return { ok: false, buttons: [], introductionId: intro.id, text: INTRO_NL.alreadyAnswered };
    },
  };
}

const REQUEST_REFUSALS: Record<Exclude<IntroRequestResult, { ok: true }>["code"], string> = {
  unknown_initiative: INTRO_NL.unknownInitiative,
  not_contactable: INTRO_NL.notContactable,
  own_initiative: INTRO_NL.ownInitiative,
  no_question: INTRO_NL.noQuestion,
  recently_declined: INTRO_NL.recentlyDeclined,
};

/** What may follow a press: withdrawing after accepting; sharing what one learned after the follow-up. */
function buttonsAfter(button: IntroButton, status: string): IntroButton[] {
  if (button === "intro_accept" && status === "accepted") return ["intro_withdraw"];
  if (button === "intro_helped_yes" || button === "intro_helped_no") return ["intro_share_lesson"];
  return [];
}
