import type { SearchTerm } from "../retrieval/search-term.js";
import { foldDiacritics } from "../text/fold.js";
import { ASKS_NAMED, askedNamedThing, holdsNameOf } from "./named-detail.js";

/** What kind of detail a question asks for, when it asks for one that a text either holds or lacks. */
export type AnswerType = "amount" | "count" | "date" | "time" | "contact" | "person" | "place" | "names" | "named";

/**
 * "Wanneer" / "when" asks for a date where it opens the question or a part of it ("wanneer is de
 * ledenvergadering", "…, en wanneer begint die"); in the middle of a sentence it means "if" ("wat doe je
 * wanneer de gemeente weigert"), and before a modal verb or "een" it asks in which case ("wanneer moeten we
 * mensen gaan betalen", "wanneer is een activiteit van de gemeenschap"): no date is wanted then.
 */
const ASKS_WHEN = /(?:^|[,;?.!]\s*|\b(?:en|and|of|or)\s+)(?:wanneer|when)\b(?!\s+(?:moet|moeten|moet je|kan|kun|kunnen|mag|mogen|zou|zouden|heb|hebben|heeft|kies|kiest|kiezen|spreek|spreken|noem|noemen|is een|is het (?:tijd|verstandig|nodig|zinvol|slim)|should|could|can|must|would|do (?:we|you|i) need|is it (?:time|wise|worth))\b)/;

/**
 * The detail a question asks for, from its question words (Dutch and English). Open questions (how,
 * why, what can we do) ask for no particular detail: any passage on the topic may answer them.
 */
const ASKS: Array<[AnswerType, RegExp]> = [
  ["contact", /\b(telefoonnummer|e-?mailadres|mailadres|postadres|bezoekadres|contactgegevens|phone number|email address|e-mail address)\b|\b(wat is|wat zijn|waar vind ik|hoe bereik ik|hebben jullie|heeft u|heb je|what is) (het |de |een |the )?(\p{L}+ )?(adres|website|webadres|e-?mail|nummer|telefoon|address|phone|e-mail)\b/u],
  ["time", /\b(openingstijden|openingsuren|hoe laat|om hoe laat|welk tijdstip|welke tijd|open op|geopend|spreekuur|opening hours|what time)\b/],
  ["amount", /\b(hoeveel (geld|euro|subsidie|budget|kost|kosten|betaal|betalen|bijdrage|contributie|huur)|wat kost|wat kosten|hoe duur|hoe hoog (is|zijn|was|waren) (de|het|een)|hoe groot (is|was) (het|de) (bedrag|budget|subsidie|bijdrage)|welk bedrag|hoe groot (is|was) het (bedrag|budget)|bedrag|tarief|prijs|kostprijs|how much (money|does|do|is|are|did)|what does it cost)\b|\bwat\s+(?:(?!(?:om|doen|wanneer|zodat|niet|moet|moeten)\s)[\p{L}-]+\s+|(?:moet|moeten)\s+){0,5}?(?:betalen|betaal|kwijt)\b/u],
  // "wat heeft X gekost", "hoeveel gaat die bus kosten", "wat kostte …": the verb of cost later in the clause, after an
  // auxiliary right behind the question word; not "wat gaan we doen om de kosten …", "hoeveel tijd kost het".
  ["amount", /\b(?:wat|hoeveel)\s+(?:(?:heeft|hebben|had|hadden|gaat|gaan|ging|gingen|zal|zullen|zou|zouden)(?:\s+(?!(?:als|dan|om|doen|wanneer|zodat|tijd|moeite|energie|uur|uren)\b)[\p{L}\d'-]+){1,8}?\s+(?:gekost|kosten)|kostte|kostten)\b/u],
  // "hoeveel heeft de actie opgeleverd", "hoeveel hebben ze gegeven": a sum of money raised or given ("wat heeft het
  // opgeleverd" asks what good it did); not "hoeveel stroom heeft het opgeleverd" (a count of what is named).
  ["amount", /\bhoeveel\s+(?:heeft|hebben|had|hadden)(?:\s+(?!(?:als|dan|om|doen|wanneer|zodat|tijd|moeite|energie|uur|uren)\b)[\p{L}\d'-]+){1,8}?\s+(?:opgeleverd|opgebracht|ingezameld|binnengehaald|verdiend|gedoneerd|geschonken|bijgedragen|gegeven)\b/u],
  ["names", /\b(welke|which) (\p{L}+ )?(gemeenten|gemeentes|dorpen|kernen|wijken|buurten|organisaties|instanties|statenleden|raadsleden|wethouders|gedeputeerden|personen|partijen|provincies|bedrijven|plaatsen|steden|municipalities|villages|organisations|organizations|companies)\b|\bwie (waren|was|zaten|zijn|zitten|kwamen|deden) er\b/u],
  ["named", ASKS_NAMED],
  ["date", new RegExp(`${ASKS_WHEN.source}|\\b(welke datum|op welke dag|in welk jaar|welk jaar|op welke (?:ochtend|middag|avond|dagen|dagdelen)|sinds wanneer|sinds welk jaar|per wanneer|tot wanneer|vanaf wanneer|until when|datum|deadline|uiterste datum|what date|which year|since when)\\b`)],
  ["count", /\b(hoeveel|how many)\b/],
  ["person", /\b(wie (is|was|zijn|waren|wordt|werd) (nu )?(de|het|onze|hun|jullie) (\p{L}+ )?(voorzitter|wethouder|burgemeester|gedeputeerde|secretaris|penningmeester|directeur|contactpersoon|coordinator|trekker|kartrekker|projectleider|beheerder|bestuurder|initiatiefnemer|oprichter|ambtenaar|opvolger)|hoe heet|wat is de naam|welke naam|namen van|achternaam|volledige naam|surname|last name|full name|wie zaten|wie zitten|wie waren de|who is the|who was the|what is the name|names of)\b/u],
  ["place", /\b(waar (is|zit|zat|was|vond|vindt|ligt) (het|de|dat)? ?(kantoor|bijeenkomst|vergadering|locatie|dorpshuis|loket)|op welke locatie|welke locatie|waar vond|where (is|was) the (meeting|office))\b/],
];

/** The detail the question asks for, or undefined for an open question. */
export function expectedAnswerType(question: string): AnswerType | undefined {
  return expectedAnswerTypes(question)[0];
}

/**
 * Every detail the question asks for ("wanneer begint de bus en wat gaat hij kosten": a date and an
 * amount), each once, in the order above; an amount already says how many, so "hoeveel … kosten" asks no count.
 */
export function expectedAnswerTypes(question: string): AnswerType[] {
  const text = foldDiacritics(question);
  const types = [...new Set(ASKS.filter(([, pattern]) => pattern.test(text)).map(([type]) => type))];
  return types.includes("amount") ? types.filter((t) => t !== "count") : types;
}

const NUMBER_WORD = "(twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|honderd|honderden|duizend|duizenden|miljoen|tientallen|dozijn)";
const MONTH = "(januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)";
const WEEKDAY = "(maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)";
/** A deadline said relative to the event ("twee dagen van tevoren", "de dag ervoor", "uiterlijk een week vooraf"), or a week number. */
const RELATIVE_DATE = `\\b(een|twee|drie|vier|vijf|zes|\\d{1,2})\\s+(dag|dagen|week|weken|maand|maanden)\\s+(van\\s+)?(tevoren|vooraf|ervoor|eerder)\\b|\\bde\\s+dag\\s+(ervoor|tevoren|van\\s+tevoren|erna)\\b|\\bweek\\s+\\d{1,2}\\b`;
/** Dutch holidays and school holidays, which say when as well as a date does. */
const HOLIDAY = "\\b(pasen|pinksteren|hemelvaart|kerst|kerstmis|koningsdag|sinterklaas|oud en nieuw|(zomer|herfst|kerst|voorjaars|mei|krokus)vakantie)\\b";

/** How a detail of each type is written in Dutch documents. */
const HOLDS: Record<Exclude<AnswerType, "named">, RegExp> = {
  amount: /(€|\beur\b|\beuro\b|\beuro's\b|\d+(?:[.,]\d+)*\s?(euro|k\b|mln|miljoen|duizend|procent|%)|\b(bedrag|bedragen) van\b|\bper (jaar|maand|uur|lid|persoon|kwh)\b.*\d|\d.*\bper (jaar|maand|uur|lid|persoon|kwh)\b)/,
  count: new RegExp(`(\\b\\d+\\b|\\b${NUMBER_WORD}\\b)`),
  date: new RegExp(`(\\b(19|20)\\d{2}\\b|\\b\\d{1,2}[-/.]\\d{1,2}([-/.]\\d{2,4})?\\b|\\b\\d{1,2}\\s+${MONTH}\\b|\\b${MONTH}\\b|\\b${WEEKDAY}(ochtend|middag|avond|nacht)?\\b|\\b(voorjaar|najaar|zomer|winter|kwartaal)\\b|${RELATIVE_DATE}|${HOLIDAY})`),
  time: new RegExp(`(\\b\\d{1,2}[.:]\\d{2}\\b|\\b\\d{1,2}\\s?uur\\b|\\b${WEEKDAY}(middag|avond|ochtend)?\\b|\\b(dagelijks|elke (dag|week|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag))\\b)`),
  contact: /(\b[\w.+-]+@[\w-]+\.[\w.]+\b|\bhttps?:\/\/|\bwww\.|\b0\d{1,3}[- ]?\d{6,8}\b|\b06[- ]?\d{8}\b|\+31|\b\d{4}\s?[a-z]{2}\b|\b(straat|laan|weg|plein|dreef|singel)\s?\d+)/,
  person: /\b(\p{Lu}\p{Ll}+\s+(van\s+(de\s+|der\s+|den\s+)?|de\s+)?\p{Lu}\p{Ll}+|(dhr|mevr|mw|mr|drs|ir|dr)\.?\s+\p{Lu})/u,
  names: /(?:[,;:]\s*|\s(?:en|in|te|van|met)\s)\p{Lu}[\p{Ll}-]+.*(?:[,;:]\s*|\s(?:en|in|te|van|met)\s)\p{Lu}[\p{Ll}-]+/u,
  place: /\b(in|te|op)\s+(het\s+|de\s+)?\p{Lu}\p{Ll}+/u,
};

/**
 * Whether a text gives the detail the question asks for, one the question does not already give: asked
 * "op welke dag in januari 2021", a text that only repeats "januari 2021" does not answer it.
 */
export function holdsAskedDetail(question: string, type: AnswerType, text: string): boolean {
  if (type === "named") return holdsNameOf(askedNamedThing(question) ?? "", text, question);
  const asked = foldDiacritics(question);
  // "Wanneer is de volgende ledenavond": a report's dates of past evenings do not say when the next one is.
  if ((type === "date" || type === "time") && ASKS_NEXT.test(asked) && !saysWhenNext(asked, foldDiacritics(text))) return false;
  return [...readAs(type, text).matchAll(HOLDS_EVERY[type])].some((m) => !asked.includes(foldDiacritics(m[0]).trim()));
}

/** A question after the next one of something ("de volgende cursus", "de eerstvolgende avond", "the next meeting"). */
const ASKS_NEXT = /\b(?:(?:de|het)\s+(?:eerst)?volgende|eerstvolgende|komende|the next|next)\b/;
/**
 * A text that says when the next one is: it says in the present or future tense when it is ("staat op",
 * "is op 12 maart", "wordt op … gehouden", "zal"), not in a report's past tense, or names the next one
 * (saysWhenNext).
 */
const SAYS_PLANNED = /\b(?:gepland|staat op|vindt plaats|is op|zijn op|wordt op|worden op|zal|zullen|upcoming|planned|scheduled|will be)\b/;
/** "de volgende (grote) ruilmiddag": the word after "volgende" and the one after that (an adjective may come first). */
const NEXT_OF = /\b(?:volgende|eerstvolgende|komende|next)\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/gu;
/** Words for the next time of anything ("de volgende keer", "de komende bijeenkomst"). */
const OCCASION = /(keer|bijeenkomst|avond|middag|ochtend|dag|editie|sessie|ronde|vergadering|datum|meeting|session|time)$/;

/**
 * Whether a text names the next one of what is asked: "de volgende <noun>" where the noun is the one asked
 * ("de volgende ruilmiddag"), its last part ("de volgende middag") or a word for any occasion ("de volgende
 * keer"); "de volgende wijkkrant" says nothing about the next ruilmiddag.
 */
function saysWhenNext(question: string, text: string): boolean {
  if (SAYS_PLANNED.test(text)) return true;
  const asked = [...question.matchAll(NEXT_OF)].flatMap(([, first, second]) => (second ? [first!, second] : [first!]));
  const named = (noun: string) => OCCASION.test(noun) || asked.some((a) => a.length > 3 && (a === noun || (noun.length > 2 && a.endsWith(noun)) || noun.endsWith(a)));
  return [...text.matchAll(NEXT_OF)].some(([, first, second]) => named(first!) || (!!second && named(second)));
}

/** Each type's pattern, global: every place a detail stands, built once. */
const HOLDS_EVERY = Object.fromEntries(Object.entries(HOLDS).map(([type, pattern]) => [type, new RegExp(pattern.source, `${pattern.flags}g`)])) as Record<keyof typeof HOLDS, RegExp>;

/** Names are capitalised, so the person, place and names checks read the text as written; the rest folded. */
function readAs(type: AnswerType, text: string): string {
  return type === "person" || type === "place" || type === "names" ? text : foldDiacritics(text);
}

const COUNTED = /\b(?:hoeveel|how many)\s+(?:(?:nieuwe|vaste|actieve|betaalde|vrijwillige|andere|extra|new|active)\s+)?(\p{L}{3,})/u;

/**
 * "Hoeveel mensen" is answered by a count of people under any name: "35 deelnemers", "twaalf vrijwilligers".
 * The nouns for people in a group that documents of the field count.
 */
const PEOPLE = ["mensen", "personen", "people", "persons"];
const PEOPLE_NOUNS = [
  "mensen", "personen", "deelnemers", "bezoekers", "leden", "vrijwilligers", "bewoners", "inwoners", "aanwezigen", "gasten",
  "kinderen", "jongeren", "ouderen", "volwassenen", "cursisten", "huishoudens", "gezinnen", "families", "klanten", "cliënten",
  "chauffeurs", "maatjes", "medewerkers", "aanmeldingen", "belangstellenden", "ondernemers", "boeren", "mantelzorgers",
];

/** The thing a count question counts ("hoeveel vrijwilligers …" → vrijwilligers), as typed. */
export function countedWord(question: string): string | undefined {
  return COUNTED.exec(foldDiacritics(question))?.[1];
}

/** What may stand for the counted word as typed: its correction, its inflection, its translation (not a synonym: another thing). */
const STANDS_IN_FOR_COUNT: ReadonlySet<SearchTerm["origin"]> = new Set(["typo", "inflection", "translation"]);

/** The index terms among a question's search terms that stand for its counted word as typed (for holdsCountOfWord's `standIns`). */
export function countedStandIns(terms: readonly SearchTerm[], counted: string): string[] {
  return terms.filter((t) => STANDS_IN_FOR_COUNT.has(t.origin) && t.word === counted.toLowerCase()).map((t) => t.term);
}

/**
 * Whether a number stands just before the counted thing; for "mensen", before any word for people.
 * `standIns`: index terms that stand for the counted word as typed (its spelling corrected, its
 * Dutch translation), so "hoeveel vrijwiligers" is answered by "veertien vrijwilligers".
 */
export function holdsCountOfWord(text: string, counted: string, stemOf: (word: string) => string, standIns: readonly string[] = []): boolean {
  const nouns = PEOPLE.includes(counted) ? PEOPLE_NOUNS : [counted];
  const stems = [...nouns.map((noun) => stemOf(foldDiacritics(noun))), ...standIns];
  const unit = UNITS.find(([things]) => things.test(foldDiacritics(counted)))?.[1];
  return stems.some((stem) => holdsCountOf(text, stem, stemOf)) || (!!unit && unit.test(foldDiacritics(text)));
}

/**
 * "Hoeveel stroom" is answered by a number of kWh, "hoeveel water" by litres, "hoeveel grond" by square
 * metres or hectares: a quantity asked by what is measured, in the units Dutch documents measure it in.
 */
const UNITS: Array<[RegExp, RegExp]> = [
  [/^(stroom|energie|elektriciteit|opwek|opbrengst|vermogen|power|electricity|energy)$/, /\d\s?(kwh|mwh|gwh|kw|kwp|mw|wp|wattpiek|kilowattuur|megawattuur)\b/],
  [/^(water|regenwater|regen)$/, /\d\s?(liter|liters|l|m3|kuub|kubieke meter)\b/],
  [/^(grond|ruimte|oppervlakte|land|tuin|terrein|space|area)$/, /\d\s?(m2|m²|vierkante meter|hectare|ha|are)\b/],
  [/^(afval|co2|uitstoot|zwerfafval|waste)$/, /\d\s?(kilo|kg|ton|kilogram)\b/],
  [/^(afstand|kilometers|distance)$/, /\d\s?(km|kilometer|kilometers|meter)\b/],
];

const NUMBER_TOKEN = new RegExp(`^(\\d+([.,]\\d+)?|${NUMBER_WORD}|\\d+[.,]?\\d*%?)$`);

/** Whether a number stands just before a word with this stem (within three words): "veertien vrijwillige chauffeurs". */
export function holdsCountOf(text: string, stem: string, stemOf: (word: string) => string): boolean {
  const words = foldDiacritics(text).split(/[^\p{L}\p{N}.,%]+/u).filter(Boolean);
  return words.some((w, i) => stemOf(w.replace(/[.,]+$/, "")) === stem && words.slice(Math.max(0, i - 3), i).some((n) => NUMBER_TOKEN.test(n.replace(/[.,]+$/, ""))));
}
