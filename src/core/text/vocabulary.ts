import { analyzeWrittenText } from "./analyzer.js";
import { foldDiacritics, tokenize } from "./fold.js";

/** A word a question did not type but means: from the synonym file or the English glossary. */
/** `trigger`: the first stem of what fired it (a Dutch index term, or an English base form). */
export type Expansion = { term: string; trigger: string; origin: "synonym" | "translation"; weight: number };

type Entry = { stems: string[] };
type Rule = { trigger: string[]; targets: Entry[] };
/** One analysed line: the stems of each entry left of "=>" (glossary: "="), and right of it. */
type AnalysedLine = [left: string[][], right: string[][]];
/**
 * The analysed lines as plain data, so a process can keep them instead of analysing the files again.
 * Lines, not rules: a group of n words makes n rules of n - 1 targets, ten times the text to read back.
 */
export type VocabularyData = { synonymLines: AnalysedLine[]; glossaryLines: AnalysedLine[] };

/** A synonym counts for this much of a typed word; a word of a phrase, for this much again. */
const SYNONYM_WEIGHT = 0.5;
const TRANSLATION_WEIGHT = 0.9;
const PHRASE_PART = 0.6;
/** At most this many expansion terms per question: a long question must not search the whole store. */
const MAX_EXPANSIONS = 40;

/**
 * The field's vocabulary as maintainers write it: synonym groups ("a, b, c": each searches the others;
 * "a, b => x, y": a and b also search x and y, not the other way round) and an English-Dutch glossary
 * ("english = nederlands, nederlands"). Entries are words or phrases in their base form; they are
 * analysed as the documents are, so inflections meet through the stemmer.
 */
export class Vocabulary {
  private readonly synonyms = new Map<string, Rule[]>();
  private readonly glossary = new Map<string, Rule[]>();

  private readonly data: VocabularyData = { synonymLines: [], glossaryLines: [] };

  constructor(synonymText = "", glossaryText = "") {
    for (const line of contentLines(synonymText)) {
      const [left, right] = line.split("=>");
      this.addSynonymLine([stemsOf(left!, analyzeWrittenText), right === undefined ? [] : stemsOf(right, analyzeWrittenText)]);
    }
    for (const line of contentLines(glossaryText)) {
      const [english, dutch] = line.split("=");
      if (dutch !== undefined) this.addGlossaryLine([stemsOf(english!, englishStems), stemsOf(dutch, analyzeWrittenText)]);
    }
  }

  toData(): VocabularyData {
    return this.data;
  }

  static fromData(data: VocabularyData): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const line of data.synonymLines) vocabulary.addSynonymLine(line);
    for (const line of data.glossaryLines) vocabulary.addGlossaryLine(line);
    return vocabulary;
  }

  /** "a, b, c": each searches the others; "a, b => x, y": a and b also search x and y. */
  private addSynonymLine(line: AnalysedLine): void {
    this.data.synonymLines.push(line);
    const lefts = line[0].map((stems) => ({ stems }));
    const rights = line[1].map((stems) => ({ stems }));
    for (const entry of lefts) add(this.synonyms, entry.stems, [...lefts.filter((e) => e !== entry), ...rights]);
  }

  /** "english = nederlands, nederlands": the English entries search the Dutch ones. */
  private addGlossaryLine(line: AnalysedLine): void {
    this.data.glossaryLines.push(line);
    const targets = line[1].map((stems) => ({ stems }));
    for (const stems of line[0]) add(this.glossary, stems, targets);
  }

  /** Whether a single word of the synonym file (its stem) searches others. */
  isTrigger(stem: string): boolean {
    return !!this.synonyms.get(stem)?.some((rule) => rule.trigger.length === 1);
  }

  get size(): { synonymRules: number; glossaryRules: number } {
    const count = (m: Map<string, Rule[]>) => [...m.values()].reduce((n, rules) => n + rules.length, 0);
    return { synonymRules: count(this.synonyms), glossaryRules: count(this.glossary) };
  }

  /**
   * The terms a question also means. `stems` are the question's Dutch index terms; for an English
   * question, `text` is read word by word through the glossary.
   */
  expand(text: string, stems: readonly string[], language: "nl" | "en"): Expansion[] {
    const out = new Map<string, Expansion>();
    const typed = new Set(stems);
    const push = (rules: Rule[] | undefined, have: ReadonlySet<string>, origin: Expansion["origin"], base: number) => {
      for (const rule of rules ?? []) {
        if (!rule.trigger.every((s) => have.has(s))) continue;
        for (const target of rule.targets) {
          const weight = base * (target.stems.length > 1 ? PHRASE_PART : 1);
          for (const term of target.stems) {
            if (typed.has(term) || out.size >= MAX_EXPANSIONS) continue;
            const known = out.get(term);
            if (!known || known.weight < weight) out.set(term, { term, trigger: rule.trigger[0]!, origin, weight });
          }
        }
      }
    };
    const stemSet = new Set(stems);
    for (const stem of stems) push(this.synonyms.get(stem), stemSet, "synonym", SYNONYM_WEIGHT);
    if (language === "en") {
      const english = englishStems(text);
      const englishSet = new Set(english);
      for (const stem of english) push(this.glossary.get(stem), englishSet, "translation", TRANSLATION_WEIGHT);
    }
    return [...out.values()];
  }
}

function contentLines(text: string): string[] {
  return text.split("\n").map((l) => l.replace(/#.*$/, "").trim()).filter(Boolean);
}

/** The stems of each comma-separated entry (entries with no words left out). */
function stemsOf(list: string, analyse: (text: string) => string[]): string[][] {
  return list
    .split(",")
    .map((e) => [...new Set(analyse(e))])
    .filter((stems) => stems.length > 0);
}

/** Rules are found by the first stem of their trigger, and fire when the question holds all of it. */
function add(index: Map<string, Rule[]>, trigger: string[], targets: Entry[]): void {
  if (!targets.length) return;
  const key = trigger[0]!;
  const rules = index.get(key) ?? [];
  rules.push({ trigger, targets });
  index.set(key, rules);
}

const ENGLISH_STOP = new Set(
  "a an the and or of to in on at for with by from is are was were be been do does did have has had i we you they it this that these those our your their my me us how what which who why when where can could should would will may might not no some any more most very just also about into than then so if as there here get got make made want need please tell know thing things way ways".split(" "),
);

/** English words reduced to a base form (plural, -ing, -ed), stop words dropped. */
export function englishStems(text: string): string[] {
  return tokenize(foldDiacritics(text))
    .filter((w) => w.length > 1 && !ENGLISH_STOP.has(w))
    .map(englishBase);
}

export function englishBase(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  if (word.length > 5 && word.endsWith("ing")) return restoreE(word.slice(0, -3));
  if (word.length > 4 && word.endsWith("ed")) return restoreE(word.slice(0, -2));
  return word;
}

/** "organis(ing)" → organise, "runn(ing)" → run: the usual English spelling changes before a suffix. */
function restoreE(stem: string): string {
  if (/([b-df-hj-np-tv-z])\1$/.test(stem) && !/(ll|ss|ff)$/.test(stem)) return stem.slice(0, -1);
  if (/[b-df-hj-np-tv-z][aeiou][b-df-hj-np-tv-z]$/.test(stem) && !/[wxy]$/.test(stem) && stem.length <= 5) return `${stem}e`;
  if (/(at|iz|is|ov|uc|ag|ur|iv|ac)$/.test(stem)) return `${stem}e`;
  return stem;
}
