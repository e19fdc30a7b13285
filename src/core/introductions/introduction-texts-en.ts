import type { AskerIntroTexts, IntroButton } from "./introduction-texts.js";
import type { Introduction } from "./introduction-types.js";
import { reachContactEn } from "./introduction-reach.js";

/**
 * What an asker who asked in English reads of an introduction. The contact's side stays Dutch (the
 * network works in Dutch); the conversation both share says it in both (sharedConnectText).
 */

export const INTRO_EN: AskerIntroTexts = {
  choose: (initiative: string) =>
    `I can put you in touch with someone from ${initiative}. They first get a personal request and decide themselves whether to go ahead. What may I pass on? (If they agree, they will always learn who you are.)`,
  requestSent: (intro: Introduction) =>
    `Your request has been sent to ${intro.initiativeName}${intro.sharing === "question_only" ? " (only your question, without your name; they learn it only if they want to talk)" : ""}. If they would like to talk, you will hear it here; that may take a few days.`,
  notNow: (intro: Introduction) =>
    `Getting in touch with ${intro.initiativeName} is not working out right now. That says nothing about your question: feel free to try another initiative, or ask a tolk.`,
  passingOn: (intro: Introduction) => `Thank you! I am passing your request on to ${intro.initiativeName}; you will hear here as soon as it is with them.`,
  cancelled: (intro: Introduction) => `Fine, I have not passed your request to ${intro.initiativeName} on (any further).`,
  introducedToAsker: (intro: Introduction) =>
    `Good news: ${intro.contact.name} from ${intro.initiativeName} would like to talk with you (people in the network write in Dutch). ${reachContactEn(intro)}`,
  contactWithdrew: (intro: Introduction) => `${intro.contact.name} from ${intro.initiativeName} cannot continue the contact after all. Thank you for understanding.`,
  askHelped: (intro: Introduction, other: string) => `A while ago I put you in touch with ${other} (${intro.initiativeName}). Did it help?`,
  thanksHelped: "Thank you for your answer! This is how the network learns what works. Would you like to share in a few sentences what you learned? You do not have to.",
  lessonFormElsewhere: "That works in the form that belongs to this button; please try again.",
  alreadyAnswered: "This request has already been settled.",
  answered: "Answered",
  notForYou: "This button is not meant for you.",
  ownInitiative: "This is your own initiative; I will not put you in touch with it.",
  notContactable: "I cannot put you in touch with this initiative right now: there is no one (yet) who may be contacted.",
  unknownInitiative: "This initiative is not (or no longer) in the gids.",
  noQuestion: "I no longer know which question this was about. Ask your question again, and it will work.",
  recentlyDeclined: "I cannot put you in touch with this initiative again right now. Perhaps another initiative fits, or a tolk can help you further.",
};

/** The buttons an asker presses, in English. */
export const INTRO_BUTTON_LABELS_EN: Partial<Record<IntroButton, string>> = {
  intro_share_named: "My question and my name",
  intro_share_question: "Only my question",
  intro_cancel: "Never mind",
  intro_helped_yes: "Yes, it helped",
  intro_helped_no: "Not really",
  intro_share_lesson: "Share what you learned",
};
