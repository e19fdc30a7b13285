import { analyzeQuery } from "../text/analyzer.js";
import { foldDiacritics } from "../text/fold.js";

export type Intent = "empty" | "greeting" | "thanks" | "help" | "human" | "question";

/** Openers that carry no question: greetings, thanks, interjections ("Hoi,", "Top!", "Oké, dank je."). */
const GREETING = /^(hoi|hallo|hey|hee|hi|hello|goedemorgen|goedemiddag|goedenavond|goeienavond|goeiemiddag|goeiemorgen|dag|moi|yo|beste|good (morning|afternoon|evening))\b/;
const THANKS = /^(dank je wel|dank u wel|dank je|dank u|dankjewel|dankuwel|dank|bedankt|thanks|thank you|thx|merci)\b/;
const INTERJECTION = /^(top|super|fijn|mooi|helder|duidelijk|ok|oke|okay|prima|ah|oh|ja|nou|goed|great|cool|allemaal|iedereen|vliegwiel|wel|hoor|alvast|allen)\b/;
const HELP = /^(help|hulp|uitleg|menu|wat (kun|kan) (je|jij|u)( allemaal)?( doen)?|wat doe (je|jij)|hoe werk (je|jij)|hoe werkt (dit|het hier)|hoe gebruik ik (dit|je|jou|u|deze bot|vliegwiel)|wie ben (je|jij)|what can you do|how does (this|it) work|how do i use (this|you|it))\b/;
/**
 * Announcing a question before asking it ("ff vraagje", "ik heb even een vraag", "nog een vraagje voor jullie"):
 * small talk like a greeting; what follows it is the question.
 */
const ANNOUNCES_QUESTION = /^(?:(?:ik heb|ik had|wij hebben|we hebben|heb|had)\s+)?(?:(?:ff|even|een|nog|kort|klein|kleine|snel|snelle)\s+)*(?:vraag|vraagje|vraagjes|vragen)(?:\s+(?:voor|aan)\s+(?:jullie|je|jou|u|iemand))?\b/;
/**
 * Saying one is new ("ik ben nieuw hier", "wij zijn hier nieuw", "I'm new here") is small talk before a
 * question, like a greeting; not "ik ben nieuw als penningmeester" or "nieuw in het dorp", which is the
 * question's context.
 */
const NEWCOMER = /^(ik ben|wij zijn|we zijn|i'm|i am|we are) (hier |here )?(nog |pas |still )?(nieuw|new)( hier| here)?\b(?! (als|in|bij|op|met|aan|voor|as|to|at|with)\b)/;
/**
 * Words of thanks for the answer itself ("top antwoord", "bedankt voor de snelle reactie", "daar kan ik wat
 * mee", "very helpful"): after thanks or an acknowledgement, a message of only these words is still thanks.
 */
const PRAISE = new Set(("voor de het je jullie u uw jouw snelle snel duidelijke duidelijk heldere helder goede goed mooie mooi fijne fijn " +
  "nuttige nuttig handige handig top super echt heel erg zeer enorm antwoord antwoorden reactie hulp uitleg info informatie tip tips " +
  "moeite daar hier kan kunnen ik we wij wat mee aan heb hebben helpt geholpen verder weer een dit dat was is veel zo " +
  "very helpful useful great answer help for the your that this helps really so much a lot").split(" "));

/**
 * Asking for a person, to the assistant: a first-person request or an imperative, naming one person
 * ("ik wil een mens spreken", "kan ik iemand bellen", "verbind me door", "talk to a human"). Plural
 * "mensen" is people in general ("hoe praten we met mensen uit de buurt?"), not a request.
 */
const PERSON = /\b(een mens|een echt mens|echte persoon|een persoon|iemand|een medewerker|een tolk|een vrije actor|de coordinator|een coordinator|a human|a person|someone|somebody)\b/;
const REQUEST = /\b(ik|wij|we|me|mij)\b.*\b(wil|willen|wilde|zou|zouden|kan|kunnen|mag|mogen|graag)\b|\b(kan|kunnen|mag|mogen|wil|willen)\s+(ik|we|wij)\b|\b(verbind|breng|stuur)\b|^graag\b|\b(i|we) (want|would like|need)\b|\bcan i\b/;
const CONTACT = /\b(spreken|praten|contact|doorverbinden|doorverwijzen|bellen|mailen|in gesprek|talk|speak)\b/;
const DIRECT = /\bverbind\w* (me|mij|ons)( \w+)? door\b|\b(vraag een mens|mens spreken|met een mens|echte mens|human please|talk to a human)\b/;

/** Longest run of small talk this message may start with before its question. */
const MAX_OPENER_WORDS = 6;

/**
 * Recognises what a message is before anything is searched: small talk gets a short friendly reply,
 * a request for a person goes straight to a handoff, and only questions reach the knowledge store.
 * A message that holds a question is a question, whatever greeting or thanks comes first.
 */
export function classifyIntent(message: string): Intent {
  const folded = foldDiacritics(message);
  const text = folded.replace(/[^\p{L}\p{N}\s'-]/gu, " ").replace(/\s+/g, " ").trim();
  if (!/\p{L}{2,}/u.test(text)) return "empty";
  if (asksForPerson(text)) return "human";
  const { rest, opener } = stripOpeners(text);
  if (rest === "") return opener ?? "question";
  // A request for help after an acknowledgement ("oké, help", "ja, wat kan je") is one, though its words are praise's too.
  if (HELP.test(rest) && isOnly(rest, HELP)) return "help";
  if (opener === "thanks" && !folded.includes("?") && rest.split(" ").every((word) => PRAISE.has(word))) return "thanks";
  if (hasContent(rest) || folded.includes("?")) return "question";
  return opener ?? "question";
}

/**
 * The part of a message that is the question, without the greeting or thanks before it ("Hoi! Wat is
 * een energiecoöperatie?" → "wat is een energiecooperatie"), for searching; folded, without punctuation.
 */
export function questionPart(message: string): string {
  const text = foldDiacritics(message).replace(/[^\p{L}\p{N}\s'-]/gu, " ").replace(/\s+/g, " ").trim();
  const { rest } = stripOpeners(text);
  return rest || text;
}

function asksForPerson(text: string): boolean {
  if (text.split(" ").length > 20) return false;
  return DIRECT.test(text) || (PERSON.test(text) && CONTACT.test(text) && REQUEST.test(text));
}

/** Removes greetings, thanks and interjections from the start; says which kind of small talk led. */
function stripOpeners(text: string): { rest: string; opener?: "greeting" | "thanks" } {
  let rest = text;
  let opener: "greeting" | "thanks" | undefined;
  for (let i = 0; i < MAX_OPENER_WORDS && rest; i++) {
    const match = GREETING.exec(rest) ?? NEWCOMER.exec(rest) ?? ANNOUNCES_QUESTION.exec(rest) ?? THANKS.exec(rest) ?? INTERJECTION.exec(rest);
    if (!match) break;
    if (THANKS.test(rest)) opener = "thanks";
    else if (GREETING.test(rest) || NEWCOMER.test(rest) || ANNOUNCES_QUESTION.test(rest)) opener ??= "greeting";
    else opener ??= "thanks"; // an acknowledgement ("top", "oké") is answered like thanks
    rest = rest.slice(match[0].length).trim();
  }
  if (!opener && /\b(dank|bedankt|thanks)\b/.test(rest) && !hasContent(rest.replace(/\b(dank|bedankt|thanks|je|u|wel|dit|dat|helpt|heel|erg|voor|de|het|hulp|antwoord)\b/g, ""))) {
    return { rest: "", opener: "thanks" };
  }
  return { rest, opener };
}

function isOnly(text: string, pattern: RegExp): boolean {
  return !hasContent(text.replace(pattern, ""));
}

/** Whether text holds a word that can carry a topic (not a stop word, greeting or filler). */
function hasContent(text: string): boolean {
  return analyzeQuery(text).terms.some((t) => !/^(help|hulp|uitleg|menu|dank|bedankt|thanks|helpt|hoi|hallo)$/.test(t.word));
}
