import { foldDiacritics } from "../text/fold.js";

/**
 * Things that go by a proper name: asked "welk fonds", "in welke krant", "bij welke verzekeraar", the
 * asker wants that name ("het Oranje Fonds", "de Stentor"), and a text that only says "een landelijk
 * fonds" does not give it. Singular Dutch nouns, and the English words an English asker uses for them.
 */
const NAMED_THINGS = [
  "fonds", "krant", "dagblad", "weekblad", "huis-aan-huisblad", "tijdschrift", "omroep", "zender", "verzekeraar",
  "verzekeringsmaatschappij", "bank", "bedrijf", "firma", "leverancier", "energieleverancier", "aannemer", "installateur",
  "notaris", "accountant", "advocaat", "adviesbureau", "stichting", "woningcorporatie", "corporatie", "zorgverzekeraar",
  "zorgaanbieder", "school", "partij", "app", "platform", "supermarkt", "winkel", "winkelketen", "bouwmarkt", "merk",
  "systeem", "programma", "softwarepakket", "pakket", "website", "site", "vereniging", "club", "zaal", "locatie",
  "instantie", "instelling", "bureau", "organisatie", "keurmerk",
];
const ENGLISH_NAMED_THINGS: Record<string, string> = {
  fund: "fonds", newspaper: "krant", paper: "krant", magazine: "tijdschrift", broadcaster: "omroep", insurer: "verzekeraar",
  bank: "bank", company: "bedrijf", firm: "firma", supplier: "leverancier", contractor: "aannemer", notary: "notaris",
  accountant: "accountant", lawyer: "advocaat", foundation: "stichting", school: "school", party: "partij", app: "app", platform: "platform",
  supermarket: "supermarkt", shop: "winkel", store: "winkel", brand: "merk", system: "systeem", software: "softwarepakket",
  program: "programma", website: "website", club: "club", venue: "zaal", agency: "instantie", institution: "instelling", organisation: "organisatie", organization: "organisatie",
};

/** A question after a thing that goes by a name (folded text). */
export const ASKS_NAMED = new RegExp(
  `\\b(?:welk|welke|which|what|hoe heet|wat is de naam van|what is the name of)\\s+(?:(?:de|het|een|the|a)\\s+)?(?:[\\p{L}-]+\\s+)?(${[...NAMED_THINGS, ...Object.keys(ENGLISH_NAMED_THINGS)].join("|")})\\b`,
  "u",
);

/** The named thing a question asks for ("in welke krant stond …" → krant), in Dutch, or undefined. */
export function askedNamedThing(question: string): string | undefined {
  const word = ASKS_NAMED.exec(foldDiacritics(question))?.[1];
  return word ? (ENGLISH_NAMED_THINGS[word] ?? word) : undefined;
}

type Token = { text: string; folded: string; sentenceStart: boolean };

function tokensOf(text: string): Token[] {
  const tokens: Token[] = [];
  let sentenceStart = true;
  for (const match of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*|[.!?:]/gu)) {
    const raw = match[0];
    if (/^[.!?:]$/.test(raw)) {
      sentenceStart = true;
      continue;
    }
    tokens.push({ text: raw, folded: foldDiacritics(raw), sentenceStart });
    sentenceStart = false;
  }
  return tokens;
}

/** A proper name: capitalised where a sentence does not begin, or an abbreviation in capitals (VSB, KNHM). */
function isName(token: Token, questionWords: Set<string>): boolean {
  if (questionWords.has(token.folded)) return false;
  return (/^\p{Lu}/u.test(token.text) && !token.sentenceStart) || /^\p{Lu}{2,}$/u.test(token.text);
}

const NEAR = 3;

/**
 * Whether a text gives the name of the thing asked: the thing's word stands in or beside a name the
 * question does not already hold ("het Oranje Fonds", "Cultuurfonds", "de krant (de Stentor)"). When the
 * text does not use the word at all, any name the question does not hold may be the answer.
 */
export function holdsNameOf(thing: string, text: string, question: string): boolean {
  const questionWords = new Set(tokensOf(question).map((t) => t.folded));
  const tokens = tokensOf(text);
  const mentions = tokens.map((t, i) => (t.folded.endsWith(thing) ? i : -1)).filter((i) => i >= 0);
  if (mentions.length === 0) return tokens.some((t) => isName(t, questionWords));
  return mentions.some((i) => {
    const own = tokens[i]!;
    if (own.folded !== thing && /^\p{Lu}/u.test(own.text)) return true; // a name ending in the word: "Oranjefonds", "Rabobank"
    return tokens.slice(Math.max(0, i - NEAR), i + NEAR + 1).some((t, j) => j !== Math.min(i, NEAR) && isName(t, questionWords));
  });
}
