import type { ApplyResult } from "./handoff/handoff-service.js";
/** What the asker's side of a conversation says around a handoff, per language (see conversation.ts). */
const NL_TEXTS = {
  earlierNotShared: "Je eerdere vraag heb ik niet doorgegeven.",
  consentStillOpen: "Je eerdere vraag wacht nog op je keuze: mag ik hem doorgeven? Antwoord met ja, anoniem of nee.",
  relayed: "Ik heb je bericht doorgegeven aan wie je vraag behandelt.",
  writeFirst: "Schrijf eerst wat je wilt doorgeven.",
  writeHere: "Schrijf hier je bericht: je volgende bericht gaat naar wie je vraag behandelt, niet naar mij.",
  whichQuestion: "Over welke vraag wil je een mens spreken? Stel hem gerust opnieuw.",
  questionGone: "Ik kan die vraag niet meer vinden. Stel hem gerust opnieuw.",
  closed: "Afgesloten. Dank je wel!",
  reopened: "Je vraag staat weer open.",
  duplicate: "Dat had ik al verwerkt.",
  reopenWindowPassed: "Deze vraag is al te lang gesloten om te heropenen. Stel hem gerust opnieuw.",
  notAsker: "Alleen wie de vraag stelde kan dit kiezen.",
  notNow: "Dat kan nu niet meer bij deze vraag.",
  notInProgress: "Je vraag is niet meer in behandeling, dus ik kan dit niet doorgeven. Stel je vraag gerust opnieuw.",
  consentChoices: "Je kiest zelf wat de tolken zien. Antwoord met ja (ik geef je vraag door met je naam), anoniem (zonder je naam) of nee (ik geef hem niet door).",
  consentDeclinedEarlier: "Je vorige vraag heb ik niet doorgegeven, zoals je koos. Wil je hem toch aan een mens voorleggen? Stel hem nog een keer, dan vraag ik opnieuw of ik hem mag doorgeven.",
  consentExpiredEarlier: "Je vorige vraag heb ik niet doorgegeven: de tijd om te kiezen was voorbij. Wil je hem toch aan een mens voorleggen? Stel hem nog een keer, dan vraag ik opnieuw of ik hem mag doorgeven.",
};

export type ConversationTexts = typeof NL_TEXTS;

const EN_TEXTS: ConversationTexts = {
  earlierNotShared: "I have not passed on your earlier question.",
  consentStillOpen: "Your earlier question is still waiting for your choice: may I pass it on? Answer yes, anonymous or no.",
  relayed: "I have passed your message on to the person handling your question.",
  writeFirst: "First write what you would like to pass on.",
  writeHere: "Write your message here: your next message goes to the person handling your question, not to me.",
  whichQuestion: "Which question would you like to talk to a person about? Feel free to ask it again.",
  questionGone: "I can no longer find that question. Feel free to ask it again.",
  closed: "Closed. Thank you!",
  reopened: "Your question is open again.",
  duplicate: "I had already taken care of that.",
  reopenWindowPassed: "This question was closed too long ago to reopen. Feel free to ask it again.",
  notAsker: "Only the person who asked the question can choose this.",
  notNow: "That is no longer possible for this question.",
  notInProgress: "Your question is no longer being handled, so I cannot pass this on. Feel free to ask your question again.",
  consentChoices: "You choose what the helpers see. Answer yes (I pass your question on with your name), anonymous (without your name) or no (I do not pass it on).",
  consentDeclinedEarlier: "I did not pass on your previous question, as you chose. Would you still like a person to look at it? Ask it once more and I will ask again whether I may pass it on.",
  consentExpiredEarlier: "I did not pass on your previous question: the time to choose had run out. Would you still like a person to look at it? Ask it once more and I will ask again whether I may pass it on.",
};

export function conversationTexts(language: "nl" | "en" | undefined): ConversationTexts {
  return language === "en" ? EN_TEXTS : NL_TEXTS;
}

/** Why a step was refused, in words for the asker. */
export function rejectionText(result: Extract<ApplyResult, { ok: false }>, language: "en" | undefined): string {
  const texts = conversationTexts(language);
  switch (result.code) {
    case "duplicate":
      return texts.duplicate;
    case "reopen_window_passed":
      return texts.reopenWindowPassed;
    case "not_asker":
      return texts.notAsker;
    default:
      return texts.notNow;
  }
}
