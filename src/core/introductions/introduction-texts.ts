import type { Introduction, IntroductionEffect } from "./introduction-types.js";
import { INTRO_BUTTON_LABELS_EN, INTRO_EN } from "./introduction-texts-en.js";
import { reachAskerNl, reachContactNl } from "./introduction-reach.js";

/** Every text of introductions that people read, in plain Dutch, in one place. */

/** A button under an introduction message; channels render the label and carry the id and introduction. */
export type IntroButton =
  | "intro_share_named" | "intro_share_question" | "intro_cancel"
  | "intro_accept" | "intro_decline" | "intro_withdraw"
  | "intro_helped_yes" | "intro_helped_no"
  /** After the follow-up: opens the form for what someone learned (a modal or form, not an event). */
  | "intro_share_lesson";

export const INTRO_BUTTON_LABELS: Record<IntroButton, string> = {
  intro_share_named: "Mijn vraag en mijn naam",
  intro_share_question: "Alleen mijn vraag",
  intro_cancel: "Toch niet",
  intro_accept: "Accepteren",
  intro_decline: "Liever niet",
  intro_withdraw: "Toch niet meer",
  intro_helped_yes: "Ja, het hielp",
  intro_helped_no: "Niet echt",
  intro_share_lesson: "Deel wat je leerde",
};

/** The label of the button under each suggested initiative. */
export const CONNECT_ME_LABEL = "Breng me in contact";

export const INTRO_NL = {
  choose: (initiative: string) =>
    `Ik kan je in contact brengen met iemand van ${initiative}. Die krijgt eerst een persoonlijk verzoek en kiest zelf of het contact doorgaat. Wat mag ik doorgeven? (Gaat het contact door, dan horen ze altijd wie je bent.)`,
  requestSent: (intro: Introduction) =>
    `Je verzoek is doorgestuurd naar ${intro.initiativeName}${intro.sharing === "question_only" ? " (alleen je vraag, zonder je naam; die horen ze pas als ze contact willen)" : ""}. Als ze contact willen, hoor je het hier; dat kan een paar dagen duren.`,
  notNow: (intro: Introduction) =>
    `Het contact met ${intro.initiativeName} komt er nu helaas niet van. Dat zegt niets over je vraag: probeer gerust een ander initiatief, of vraag het een tolk.`,
  passingOn: (intro: Introduction) => `Dank je! Ik stuur je verzoek door naar ${intro.initiativeName}; je hoort het hier zodra het er ligt.`,
  cancelled: (intro: Introduction) => `Prima, ik heb je verzoek aan ${intro.initiativeName} niet (verder) doorgegeven.`,
  introducedToAsker: (intro: Introduction) =>
    `Goed nieuws: ${intro.contact.name} van ${intro.initiativeName} wil graag met je praten. ${reachContactNl(intro)}`,
  contactWithdrew: (intro: Introduction) => `${intro.contact.name} van ${intro.initiativeName} kan het contact toch niet voortzetten. Dank je voor je begrip.`,
  request: (intro: Introduction) => {
    const who = intro.sharing === "question_and_name" ? `${intro.asker.name} zoekt` : "Iemand uit het netwerk zoekt";
    const named = intro.sharing === "question_and_name" ? "" : "\nWie het vraagt, hoor je pas als je accepteert.";
    return `Hallo ${intro.contact.name}! ${who} contact met ${intro.initiativeName} over deze vraag:\n“${oneLine(intro.question)}”${named}\n\nWil je in contact komen? Als je accepteert, breng ik jullie met elkaar in gesprek. Liever niet? Dan hoort de vrager alleen dat het er nu niet van komt, zonder reden.`;
  },
  requestCancelled: (intro: Introduction) => `Het verzoek om contact over "${short(intro.question)}" is ingetrokken. Je hoeft niets te doen.`,
  requestExpired: (intro: Introduction) => `Het verzoek om contact over "${short(intro.question)}" is verlopen. Je hoeft niets meer te doen.`,
  introducedToContact: (intro: Introduction) => `Dank je! ${reachAskerNl(intro)}`,
  connect: (intro: Introduction, asker: string, contact: string) =>
    `Hallo ${asker} en ${contact}! ${asker} vroeg: "${oneLine(intro.question)}". ${contact} van ${intro.initiativeName} wil graag meedenken. Vanaf hier praten jullie rechtstreeks met elkaar; Vliegwiel doet verder niets met dit gesprek.`,
  askHelped: (intro: Introduction, other: string) =>
    `Een tijdje geleden bracht ik je in contact met ${other} (${intro.initiativeName}). Heeft het geholpen?`,
  // Replies to a press, shown to the one who pressed.
  accepted: "Dank je! Ik breng jullie nu met elkaar in contact.",
  declined: "Helder, dank je. De vrager hoort alleen dat het er nu niet van komt, niet waarom.",
  withdrawn: "Helder: ik stuur je hierover niets meer.",
  thanksHelped: "Dank je voor je antwoord! Zo leert het netwerk wat werkt. Wil je in een paar zinnen delen wat je leerde? Dat hoeft niet.",
  /** Where a channel has no form for it. */
  lessonFormElsewhere: "Dat kan in het formulier dat bij deze knop hoort; probeer het nog eens.",
  alreadyAnswered: "Dit verzoek is al afgerond.",
  /** What an answered request or follow-up shows in place of its buttons' notification text. */
  answered: "Beantwoord",
  notForYou: "Deze knop is niet voor jou bedoeld.",
  ownInitiative: "Dit is je eigen initiatief; daar breng ik je niet mee in contact.",
  notContactable: "Bij dit initiatief kan ik je nu niet in contact brengen: er is (nog) niemand die benaderd mag worden.",
  unknownInitiative: "Dit initiatief staat niet (meer) in de gids.",
  noQuestion: "Ik weet niet meer over welke vraag het ging. Stel je vraag opnieuw, dan kan het wel.",
  recentlyDeclined: "Met dit initiatief kan ik je nu niet opnieuw in contact brengen. Misschien past een ander initiatief, of kan een tolk je verder helpen.",
};

/**
 * The message both read when they are introduced on one platform (Slack group DM, Discord DMs). When
 * the asker wrote in English it says the same in English below the Dutch (the contact reads Dutch),
 * so each can read it and knows in which language the other wrote.
 */
export function sharedConnectText(intro: Introduction, asker: string, contact: string): string {
  const dutch = INTRO_NL.connect(intro, asker, contact);
  if (intro.asker.language !== "en") return dutch;
  return `${dutch} ${asker} schreef in het Engels.\n\nIn English: hello ${asker} and ${contact}! ${contact} from ${intro.initiativeName} would like to help with ${asker}'s question above. From here on you talk directly with each other; Vliegwiel does nothing further with this conversation. (${contact} usually writes in Dutch.)`;
}

/** The texts an asker reads, which an asker who asked in English reads in English. */
export type AskerIntroTexts = Pick<typeof INTRO_NL,
  | "choose" | "requestSent" | "notNow" | "passingOn" | "cancelled" | "introducedToAsker" | "contactWithdrew" | "askHelped" | "thanksHelped"
  | "lessonFormElsewhere" | "alreadyAnswered" | "answered" | "notForYou" | "ownInitiative" | "notContactable" | "unknownInitiative" | "noQuestion" | "recentlyDeclined">;

/** The asker's texts in their language (contacts read Dutch: the network works in Dutch). */
export function askerIntroTexts(language: "en" | undefined): AskerIntroTexts {
  return language === "en" ? INTRO_EN : INTRO_NL;
}

/** A button's label in the reader's language. */
export function introButtonLabel(button: IntroButton, language?: "en"): string {
  return (language === "en" ? INTRO_BUTTON_LABELS_EN[button] : undefined) ?? INTRO_BUTTON_LABELS[button];
}

/** Notices the asker already read as the reply to their own press; sinks skip them. */
export const INTRO_NOTICES_SHOWN_AS_REPLY: ReadonlySet<string> = new Set(["cancelled"]);

/** The text a contact or asker reads for an outbox effect (the channel adds buttons where the effect has them). */
export function introEffectText(intro: Introduction, effect: IntroductionEffect): string | undefined {
  switch (effect.type) {
    case "send_request":
      return INTRO_NL.request(intro);
    case "tell_asker": {
      const texts = askerIntroTexts(intro.asker.language);
      switch (effect.message) {
        case "request_sent": return texts.requestSent(intro);
        case "not_now": return texts.notNow(intro);
        case "cancelled": return texts.cancelled(intro);
        case "introduced": return texts.introducedToAsker(intro);
        case "contact_withdrew": return texts.contactWithdrew(intro);
      }
      return undefined;
    }
    case "tell_contact":
      switch (effect.message) {
        case "request_cancelled": return INTRO_NL.requestCancelled(intro);
        case "request_expired": return INTRO_NL.requestExpired(intro);
        case "introduced": return INTRO_NL.introducedToContact(intro);
      }
      return undefined;
    case "ask_helped":
      return effect.to === "asker" ? askerIntroTexts(intro.asker.language).askHelped(intro, intro.contact.name) : INTRO_NL.askHelped(intro, intro.asker.name);
    default:
      return undefined;
  }
}

/** The buttons that go with an effect's message. */
export function introEffectButtons(effect: IntroductionEffect): IntroButton[] {
  if (effect.type === "send_request") return ["intro_accept", "intro_decline"];
  if (effect.type === "ask_helped") return ["intro_helped_yes", "intro_helped_no"];
  return [];
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function short(text: string): string {
  const line = oneLine(text);
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}

/** The language of an effect's reader: the asker's for what goes to them, Dutch for the contact. */
export function introEffectLanguage(intro: Introduction, effect: IntroductionEffect): "en" | undefined {
  const toAsker = effect.type === "tell_asker" || (effect.type === "ask_helped" && effect.to === "asker");
  return toAsker ? intro.asker.language : undefined;
}
