import { foldDiacritics } from "../text/fold.js";

export type Intent = "empty" | "greeting" | "thanks" | "help" | "human" | "question";

const GREETING = /^(hoi|hallo|hey|hi|hello|hee|goedemorgen|goedemiddag|goedenavond|goeiemorgen|dag|moi|yo|good (morning|afternoon|evening))\b/;
const THANKS = /^(dank|dankjewel|dankuwel|bedankt|thanks|thank you|thx|top|super|fijn|mooi|helder|duidelijk|ok|oke|okay)\b|\b(dank je|dank u|bedankt)\b/;
const HELP = /^(help|hulp|uitleg|menu|wat (kun|kan) (je|jij|u)|wat doe (je|jij)|hoe werk (je|jij)|wie ben (je|jij))\b/;
const PERSON = /\b(mens|mensen|persoon|iemand|medewerker|tolk|tolken|vrije actor|vrije actoren|coordinator|human|person|someone)\b/;
const CONTACT = /\b(spreken|praten|contact|doorverbinden|doorverwijzen|bellen|mailen|in gesprek|vraag een|wil een|met een|talk|speak)\b/;

/**
 * Recognises what a message is before anything is searched: small talk gets a short friendly reply,
 * a request for a person goes straight to a handoff, and only questions reach the knowledge store.
 */
export function classifyIntent(message: string): Intent {
  const text = foldDiacritics(message).replace(/[^\p{L}\p{N}\s'-]/gu, " ").replace(/\s+/g, " ").trim();
  if (!/\p{L}{2,}/u.test(text)) return "empty";
  const words = text.split(" ").length;
  if (words <= 15 && PERSON.test(text) && CONTACT.test(text)) return "human";
  if (words <= 4 && HELP.test(text)) return "help";
  if (words <= 6 && THANKS.test(text) && !text.includes("?")) return "thanks";
  if (words <= 4 && GREETING.test(text)) return "greeting";
  return "question";
}
