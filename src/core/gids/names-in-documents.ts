import { foldDiacritics } from "../text/fold.js";

/** A name in a document that may be an initiative, with how often it was seen and one sentence around it. */
export type NamedInitiative = { name: string; documentId: string; mentions: number; context: string };

/** Words that make a name an organisation of people: in the name itself or in the sentence around it. */
const ORGANISATION_WORDS = /^(initiatie[fv]\w*|\w*collectief|\w*co[oö]peratie\w*|\w*co[oö]p|stichting\w*|vereniging\w*|\w*dorpshui[sz]\w*|\w*buurthui[sz]\w*|dorpsraad|wijkraad|collectief|\w*netwerk|noabers?|\w*schuur|\w*tuin|kulturhus|ontmoetingscentrum|zorgcoöperatie|energie\w*|bewoners\w*|burger\w*|werkgroep|coalitie|platform|fonds)$/;
/** Capitalised words that start public bodies, documents and headings, not initiatives. */
const NOT_INITIATIVES = new Set([
  "provincie", "provinciale", "provinciehuis", "gemeente", "gemeenteraad", "rijksoverheid", "ministerie", "programma", "presentatie", "presentaties",
  "senior", "pilot", "waarom", "hoe", "wat", "oprichting", "ontwikkelen", "het", "de", "een", "sustainable", "staten", "tweede", "kamer", "rijk",
  "nederland", "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december",
]);
const JOINERS = new Set(["de", "het", "van", "voor", "aan", "op", "in", "en", "'t", "der", "den"]);
const MAX_WORDS = 5;

/**
 * Names of initiatives mentioned in documents: two to five capitalised words (with "de", "van", "voor"
 * … between them) that hold an organisation word ("Stichting Omzien", "Voedselschuur Eiland") or stand
 * in a sentence that speaks of an initiative, coöperatie, stichting, vereniging or dorpshuis ("Twentse
 * Noabers"). Only suggestions: a coordinator decides, and a person confirms, before anything is published.
 */
export function findInitiativeNames(passages: ReadonlyArray<{ documentId: string; text: string }>): NamedInitiative[] {
  const found = new Map<string, NamedInitiative>();
  for (const { documentId, text } of passages) {
    for (const sentence of text.split(/(?<=[.!?:])\s+|\n/)) {
      const words = sentence.split(/[ \t]+/).filter(Boolean);
      const folded = words.map((w) => foldDiacritics(w.replace(/[^\p{L}\p{N}'-]/gu, "")));
      for (const run of capitalisedRuns(words)) {
        const name = fromOrganisationWord(run.words);
        const parts = name.map((w) => foldDiacritics(w));
        if (name.length < 2 || NOT_INITIATIVES.has(parts[0]!) || name.filter((w) => !JOINERS.has(w)).every((w) => w === w.toUpperCase())) continue;
        const near = folded.slice(Math.max(0, run.start - WINDOW), run.start).concat(folded.slice(run.end, run.end + WINDOW));
        if (!parts.some(isOrganisationWord) && !near.some(isOrganisationWord)) continue;
        const key = parts.join(" ");
        const known = found.get(key);
        if (known) known.mentions++;
        else found.set(key, { name: name.join(" "), documentId, mentions: 1, context: sentence.trim().slice(0, 200) });
      }
    }
  }
  return [...found.values()].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, "nl"));
}

/** Words before and after a name in which an organisation word makes it one ("… van het energie-initiatief X"). */
const WINDOW = 4;

function isOrganisationWord(word: string): boolean {
  return word.split("-").some((part) => ORGANISATION_WORDS.test(part)) || ORGANISATION_WORDS.test(word.replace(/-/g, ""));
}

/** "Henk Knol Stichting Monnikenhof" → "Stichting Monnikenhof": a person's name before an organisation is not part of it. */
function fromOrganisationWord(words: readonly string[]): string[] {
  const at = words.findIndex((w, i) => i > 0 && isOrganisationWord(foldDiacritics(w)));
  return at > 0 && words.length - at >= 2 ? words.slice(at) : [...words];
}

/** Runs of two or more capitalised words (with "de/van/voor/…" between them), with where they stand in the sentence. */
function capitalisedRuns(words: readonly string[]): Array<{ words: string[]; start: number; end: number }> {
  const runs: Array<{ words: string[]; start: number; end: number }> = [];
  let run: string[] = [];
  let start = 0;
  const flush = (end: number) => {
    while (run.length && JOINERS.has(run.at(-1)!.toLowerCase())) run.pop();
    const capitals = run.filter((w) => /^\p{Lu}/u.test(w)).length;
    if (capitals >= 2 && run.length <= MAX_WORDS) runs.push({ words: run, start, end });
    run = [];
  };
  words.forEach((raw, i) => {
    const word = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    const capitalised = /^\p{Lu}[\p{L}'-]*$/u.test(word);
    if (capitalised) {
      if (!run.length) start = i;
      run.push(word);
    } else if (run.length && JOINERS.has(word)) run.push(word);
    else flush(i);
    if (/[,;:.!?)\]]$/.test(raw)) flush(i + 1);
  });
  flush(words.length);
  return runs;
}
