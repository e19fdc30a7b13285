import type { IntroApplyResult, IntroductionService, IntroRequestResult } from "./introduction-service.js";
import { askerIntroTexts, INTRO_NL, type AskerIntroTexts, type IntroButton } from "./introduction-texts.js";
import { replyLanguage } from "../reply-language.js";
import type { Actor, IntroductionEvent } from "./introduction-types.js";

/** What the one who pressed a button reads back, with the buttons to show (and the introduction they act on). */
export type IntroReply = { text: string; buttons: IntroButton[]; introductionId?: string; ok: boolean; /** The reader asked in English. */ language?: "en" };

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

const EVENTS: Record<Exclude<IntroButton, "intro_share_lesson">, (by: Actor) => IntroductionEvent> = {
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
      const question = deps.latestQuestion(press.platform, press.conversationId, press.userId) ?? "";
      // Asked in English: the asker's side of the introduction is English (as for handoffs).
      const language = question && replyLanguage(question) === "en" ? ("en" as const) : undefined;
      const texts = askerIntroTexts(language);
      const lang = language ? { language } : {};
      const result: IntroRequestResult = service.request({
        initiativeId: press.initiativeId,
        question,
        asker: { platform: press.platform, userId: press.userId, name: press.userName, conversationId: press.conversationId, ...lang },
        eventKey: press.eventKey,
      });
      if (!result.ok) return { ok: false, buttons: [], text: refusal(texts, result.code), ...lang };
      const { intro } = result;
      if (intro.status !== "choosing") return { ok: true, buttons: [], introductionId: intro.id, text: texts.requestSent(intro), ...lang };
      return { ok: true, introductionId: intro.id, text: texts.choose(intro.initiativeName), buttons: ["intro_share_named", "intro_share_question", "intro_cancel"], ...lang };
    },

    press(press) {
      const before = service.get(press.introductionId);
      if (!before) return { ok: false, buttons: [], text: INTRO_NL.unknownInitiative };
      // Only the asker and the contact press, each on their own platform (a web request naming a Slack id is someone else).
      const isParty = (party: { platform: string; userId: string }) => party.platform === press.platform && party.userId === press.userId;
      if (!isParty(before.asker) && !isParty(before.contact)) return { ok: false, buttons: [], text: INTRO_NL.notForYou };
      // The asker reads their own language; the contact (and anyone else) Dutch.
      const language = before.asker.platform === press.platform && before.asker.userId === press.userId ? before.asker.language : undefined;
      const texts = askerIntroTexts(language);
      const lang = language ? { language } : {};
      // A channel opens its own form for this button; it is no step of the introduction.
      if (press.button === "intro_share_lesson") return { ok: false, buttons: [], introductionId: before.id, text: texts.lessonFormElsewhere, ...lang };
      const result: IntroApplyResult = service.apply(press.introductionId, EVENTS[press.button]({ platform: press.platform, userId: press.userId }), press.eventKey);
      deps.changed();
      const intro = service.get(press.introductionId) ?? before;
      // A choice pressed again after it was made (Accepteren a second time, from another device or a later look) changed nothing.
      const repeated = result.ok && result.effects.length === 0 && intro.status === before.status && ANSWERS.has(press.button);
      if (repeated) return { ok: true, buttons: [], introductionId: intro.id, text: texts.alreadyAnswered, ...lang };
      if (result.ok) {
        const text = (press.button === "intro_helped_yes" || press.button === "intro_helped_no" ? texts.thanksHelped : PRESS_REPLIES[press.button])
          ?? (intro.status === "requested" ? texts.passingOn(intro) : intro.status === "cancelled" ? texts.cancelled(intro) : texts.alreadyAnswered);
        return { ok: true, buttons: buttonsAfter(press.button, intro.status), introductionId: intro.id, text, ...lang };
      }
      if (result.code === "contact_gone") return { ok: false, buttons: [], introductionId: intro.id, text: texts.notContactable, ...lang };
      if (result.code === "duplicate") return { ok: true, buttons: [], introductionId: intro.id, text: texts.alreadyAnswered, ...lang };
      if (result.code === "not_asker" || result.code === "not_contact") return { ok: false, buttons: [], text: INTRO_NL.notForYou };
      return { ok: false, buttons: [], introductionId: intro.id, text: texts.alreadyAnswered, ...lang };
    },
  };
}

/** The presses that answer the request once: the asker's choice, and the contact's yes or no. */
const ANSWERS: ReadonlySet<IntroButton> = new Set(["intro_share_named", "intro_share_question", "intro_cancel", "intro_accept", "intro_decline"]);

function refusal(texts: AskerIntroTexts, code: Exclude<IntroRequestResult, { ok: true }>["code"]): string {
  const refusals: Record<typeof code, string> = {
    unknown_initiative: texts.unknownInitiative,
    not_contactable: texts.notContactable,
    own_initiative: texts.ownInitiative,
    no_question: texts.noQuestion,
    recently_declined: texts.recentlyDeclined,
  };
  return refusals[code];
}

/** What may follow a press: withdrawing after accepting; sharing what one learned after the follow-up. */
function buttonsAfter(button: IntroButton, status: string): IntroButton[] {
  if (button === "intro_accept" && status === "accepted") return ["intro_withdraw"];
  if (button === "intro_helped_yes" || button === "intro_helped_no") return ["intro_share_lesson"];
  return [];
}
