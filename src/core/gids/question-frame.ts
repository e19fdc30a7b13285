import { foldDiacritics, tokenize } from "../text/fold.js";
import { stemDutch } from "../text/stem.js";
import { DUTCH_STOPWORDS } from "../text/stopwords.js";
import { isOneEditFrom } from "../text/typo-edits.js";
import { knownWord } from "./word-list-lookups.js";

/**
 * Words that frame a question to the network ("wie heeft ervaring met …", "welke initiatieven doen iets
 * met …", "how did others start …") without saying what it is about: the gids should match on the
 * topic, not on the frame. Dutch and English; base forms, analysed like everything else.
 */
const FRAME_WORDS = `
  ervaring ervaringen ervaren initiatief initiatieven initiatiefnemer initiatiefnemers groep groepen organisatie organisaties
  ander anderen andere iemand mensen wie welke weet weten ken kent kennen kunnen kan wil willen moet moeten mogen doe doen
  gedaan deed doet hebben heeft had hadden bezig actief aan mee waar hulp helpen help advies tip tips idee ideeën
  aanpak aanpakken aangepakt opzetten opgezet starten gestart start beginnen begonnen begin organiseren georganiseerd
  regelen geregeld krijgen gekregen vinden gevonden zoeken zoek gezocht leren geleerd lukken gelukt lukt slim goed beste
  praten bellen contact netwerk vergelijkbaar vergelijkbare soortgelijk soortgelijke zelfde ergens al eerder nog meer
  iets dingen ding zaken vraag vragen kennis informatie info graag gids initiatievengids lijst overzicht directory list
  runnen runt gerund zoiets dergelijke
  experience experienced initiative initiatives group groups organisation organization others other anyone someone somebody
  who which know knows help advice tips idea ideas approach start started starting set setting organise organize organised
  done did doing does has have had already similar network contact talk learn learned find found look looking work worked
  near around run runs running ran
`;

/**
 * Common Dutch (and English) words that say little about a topic anywhere: verbs of being, getting and
 * doing, sizes and times, quantities. A question made of these and one topic word is about that word.
 */
const GENERIC_WORDS = `
  komen kom komt kwam kwamen gekomen gaan ga gaat ging gingen staan staat stond liggen ligt zitten zit zat zaten laten laat liet gelaten
  maken maak maakt gemaakt houden houdt hield gehouden brengen brengt bracht nemen neemt nam genomen geven geeft gaf gegeven zien ziet zag gezien
  kijken kijkt keek zeggen zegt zei denken denkt dacht vinden vindt vond lopen loopt liep blijven blijft bleef worden wordt werd geworden
  zijn is was waren ben bent zou zouden zal zullen wilt wilden kon konden moest moesten mocht
  oplossen opgelost oplossing probleem problemen regeling werkt werken gewerkt gebeurt gebeuren gebeurd
  nieuw nieuwe oud oude groot grote klein kleine hele heel geheel veel weinig vast snel lang lange kort makkelijk moeilijk belangrijk
  mogelijk echt gewoon zo ook nu straks vroeger weer eens samen alleen eigen zelf elkaar iedereen niemand allemaal
  jaar jaren keer tijd dag dagen week weken maand maanden eerste tweede paar aantal hier daar overal nergens lukt
  the a an new old big small many much every all some get make go come use used take keep stay
`;

let frame: ReadonlySet<string> | undefined;
/** Made on first use, not at import: stemming may ask the Dutch word list, which a running app reads in the background. */
const FRAME = () => (frame ??= new Set(tokenize(foldDiacritics(`${FRAME_WORDS} ${GENERIC_WORDS}`)).flatMap((w) => [w, stemDutch(w)])));

/** Whether a (folded) question word only frames the question; a number (a year, an age, a count) does too. */
export function isFrameWord(word: string): boolean {
  return FRAME().has(word) || FRAME().has(stemDutch(word)) || /^\d+$/.test(word);
}

/** A mistyped function word must be this long (and the word it stands for): shorter ones are too near to others. */
const MIN_MISTYPED = 4;

/**
 * Whether a (folded) question word is a stop word or frame word typed wrong ("iemnd", "begnnen",
 * "eigelijk"): not on the Dutch word list and one edit from such a word. Otherwise typo correction
 * against the gids's own words makes it a topic word ("begnnen" → begin, in a profile's "begin 2020").
 */
export function isMistypedFrameWord(word: string): boolean {
  if (word.length < MIN_MISTYPED || /\d/.test(word) || knownWord(word)) return false;
  frameLengths ??= { min: MIN_MISTYPED, max: Math.max(...[...DUTCH_STOPWORDS, ...FRAME()].map((w) => w.length)) };
  return isOneEditFrom(word, (e) => DUTCH_STOPWORDS.has(e) || FRAME().has(e), frameLengths);
}
let frameLengths: { min: number; max: number } | undefined;

/**
 * Where the asker lives or sits ("ik woon in Ootmarsum", "wij zitten in Helden", "we live in Kampen"):
 * that says where, not what about, even when the place is unknown to the gids. Left out of the topic.
 */
export function withoutResidence(text: string): string {
  const who = "(?:[Ii]k|[Ww]ij|[Ww]e|[Jj]ullie|[Zz]ij|[Zz]e|I|[Tt]hey)";
  const live = "(?:woon|wonen|woont|zit|zitten|live|are|am|based)";
  const place = "(?:[\\p{Lu}][\\p{L}'-]*(?:[\\s-][\\p{Lu}][\\p{L}'-]*)?|(?!(?:een|de|het|ons|onze|mijn|dit|dat|a|an|the|our|my)\\b)\\p{Ll}[\\p{L}'-]*(?=\\s*[.?!,]|\\s*$))";
  return text.replace(new RegExp(`\\b${who}\\s+${live}\\s+(?:hier\\s+)?(?:in|bij|te|at|near)\\s+${place}`, "gu"), " ");
}

/**
 * Places in the text: each known region (kern, gemeente, provincie) written in it as whole words.
 * Longest first, so "Utrechtse Heuvelrug" wins over "Utrecht".
 */
export function regionsIn(text: string, known: readonly string[]): string[] {
  const folded = ` ${tokenize(foldDiacritics(text)).join(" ")} `;
  const found: string[] = [];
  let rest = folded;
  for (const region of [...known].sort((a, b) => b.length - a.length)) {
    const key = ` ${tokenize(foldDiacritics(region)).join(" ")} `;
    if (key.trim() && rest.includes(key)) {
      found.push(region);
      rest = rest.split(key).join(" ");
    }
  }
  return found;
}

/** The text without the given regions' words, and the kind of place before them (so that a place does not count as the topic). */
export function withoutRegions(text: string, regions: readonly string[]): string {
  let out = text;
  for (const region of [...regions].sort((a, b) => b.length - a.length)) {
    const escaped = region.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
    // "de gemeente Lopik", "provincie Utrecht": the word that says what kind of place it is goes too.
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:(?:gemeente|provincie|regio|kern|dorp|plaats)\\s+)?${escaped}(?![\\p{L}\\p{N}])`, "giu"), " ");
  }
  return out;
}

/** What a question is about: without the places it names (of the given regions) and where the asker lives. */
export function topicOf(question: string, regions: readonly string[]): string {
  return withoutResidence(withoutRegions(question, regionsIn(question, regions)));
}
