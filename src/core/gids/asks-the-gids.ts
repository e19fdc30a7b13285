import { foldDiacritics } from "../text/fold.js";

/** Nouns for the actors of the network: initiatives, groups and the kinds of them people ask for. */
const ACTORS = String.raw`(?:\w*initiatie(?:f|ven)|\w*groep(?:en|je|jes)?|organisaties?|\w*co-?op(?:eratie|eraties)?s?|coops?|stichtingen?|verenigingen?|(?:dorps|buurt|wijk|gemeenschaps)hui(?:s|zen)|kulturhus|\w*collectie(?:f|ven)|\w*cafes?|werkgroepen?|dorpsraden|dorpsraad|netwerken|mensen|anderen|dorpen)`;
/** Words that may stand between "zijn er" / "ken je" and the actor: "zijn er nog andere dorpshuizen". */
const BETWEEN = String.raw`(?: (?:nog|ook|al|wel|andere|meer|een|lokale|goede|actieve|bekende|vergelijkbare|soortgelijke))*`;
const EN_ACTORS = String.raw`(?:initiatives?|groups?|organi[sz]ations?|co-?ops?|cooperatives?|charities|associations?|village halls?|community (?:centres?|centers?|groups?)|repair cafes?|people|villages)`;

/**
 * Questions to the gids itself, in Dutch and English: about who in the network does or did something,
 * not about how to do it. "Welke (andere) initiatieven …", "wie heeft ervaring met …", "zijn er
 * dorpshuizen in …", "ken je een groep die …", "wie doet er iets met …", "which initiatives …",
 * "who has experience with …". A "welke" question about something else ("welke subsidies zijn er voor
 * dorpshuizen?") is not one: the actor must be what is asked for.
 */
const PATTERNS: RegExp[] = [
  new RegExp(String.raw`\b(?:welke|wat voor|hoeveel)${BETWEEN} ${ACTORS}\b`),
  /\bwie\b(?: \w+){0,3} (?:ervaring|verstand|kennis|ervaringen)\b/,
  /\bwie\b(?: \w+){0,2} (?:doet|doen|deed|deden|heeft|hebben|kent|weet|is|zijn|organiseert|organiseren|regelt|runt|draait)\b(?: \w+){0,3} (?:iets|wat|al|ook|zoiets|dit|dat|mee|met|aan|rond)\b/,
  new RegExp(String.raw`\b(?:zijn|is) er${BETWEEN} ${ACTORS}\b`),
  new RegExp(String.raw`\b(?:zijn|is) er (?:hier |ook |nog )?(?:in|uit|bij|rond|binnen) (?:\w+ ){1,4}?${ACTORS}\b`),
  new RegExp(String.raw`\b(?:ken|kent|kennen|weet)(?: je| jij| u| jullie| iemand)${BETWEEN} ${ACTORS}\b`),
  /\b(?:in|uit) de (?:initiatieven)?gids\b/,
  new RegExp(String.raw`\b(?:which|what|any) ${EN_ACTORS}\b`),
  /\bwho\b(?: \w+){0,3} (?:experience|done|did|does|do|knows?|runs?)\b/,
  new RegExp(String.raw`\b(?:are|is) there(?: \w+){0,2} ${EN_ACTORS}\b`),
  /\b(?:anyone|anybody|someone|somebody)\b(?: \w+){0,4} experience\b/,
];

/** Whether a question asks the gids who does something (rather than the documents how to do it). */
export function asksTheGids(question: string): boolean {
  const text = foldDiacritics(question).replace(/[^\p{L}\p{N}\s-]/gu, " ").replace(/\s+/g, " ");
  return PATTERNS.some((p) => p.test(text));
}
