/**
 * Dutch strong and irregular verbs change their vowel, which no suffix stemmer undoes
 * ("betrokken" ↔ "betrekken", "gekregen" ↔ "krijgen"). These common forms are mapped to the
 * infinitive before stemming, so that a question and a document meet whatever tense they use.
 */
const FORMS: Record<string, string[]> = {
  betrekken: ["betrok", "betrokken"],
  krijgen: ["kreeg", "kregen", "gekregen"],
  nemen: ["nam", "namen", "genomen"],
  geven: ["gaf", "gaven", "gegeven"],
  vinden: ["vond", "vonden", "gevonden"],
  helpen: ["hielp", "hielpen", "geholpen"],
  spreken: ["sprak", "spraken", "gesproken"],
  beginnen: ["begon", "begonnen"],
  blijven: ["bleef", "bleven", "gebleven"],
  brengen: ["bracht", "brachten", "gebracht"],
  denken: ["dacht", "dachten", "gedacht"],
  zoeken: ["zocht", "zochten", "gezocht"],
  kopen: ["kocht", "kochten", "gekocht"],
  komen: ["kwam", "kwamen", "gekomen"],
  lopen: ["liep", "liepen", "gelopen"],
  houden: ["hield", "hielden", "gehouden"],
  dragen: ["droeg", "droegen", "gedragen"],
  schrijven: ["schreef", "schreven", "geschreven"],
  kiezen: ["koos", "kozen", "gekozen"],
  sluiten: ["sloot", "sloten", "gesloten"],
  bieden: ["bood", "boden", "geboden"],
  verliezen: ["verloor", "verloren"],
  ontstaan: ["ontstond", "ontstonden"],
  ontvangen: ["ontving", "ontvingen"],
  onderhouden: ["onderhield", "onderhielden"],
  verdwijnen: ["verdween", "verdwenen"],
  winnen: ["won", "wonnen", "gewonnen"],
  werven: ["wierf", "wierven", "geworven"],
  zwijgen: ["zweeg", "zwegen", "gezwegen"],
  trekken: ["trok", "trokken", "getrokken"],
  wegen: ["woog", "wogen", "gewogen"],
  bewegen: ["bewoog", "bewogen"],
};

const INFINITIVE_OF = new Map(Object.entries(FORMS).flatMap(([infinitive, forms]) => forms.map((f) => [f, infinitive] as const)));

/** The infinitive of a known irregular form, else the word itself. */
export function lemmatiseIrregular(word: string): string {
  return INFINITIVE_OF.get(word) ?? word;
}
