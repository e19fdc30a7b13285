import type { KnowledgeIndex } from "../ports.js";
import type { SearchHit } from "../types.js";
import { analyzeQuery, type AnalyzedQuery } from "../text/analyzer.js";
import { splitCompound } from "../text/compounds.js";
import { isMistypedStopWord } from "../text/chat-words.js";
import { verbAfterParticle } from "../text/separable-particle.js";
import { derivedTerms, splitVerbs } from "./verb-forms.js";
import { stemDutch } from "../text/stem.js";
import { MAX_TYPO_WORDS, correctTypo } from "./typo-correction.js";
import { englishBase, type Vocabulary } from "../text/vocabulary.js";
import { rescore, type RankedHit } from "./rescore.js";
import type { RankingModel } from "./ranking-model.js";
import { questionForm } from "../answer/answer-shape.js";
import { asksForList } from "../answer/asks-for-list.js";
import type { SearchTerm } from "./search-term.js";

export { heldShare, idf } from "./question-weight.js";
export type { SearchTerm } from "./search-term.js";

export type Retrieval = {
  query: AnalyzedQuery;
  terms: SearchTerm[];
  hits: RankedHit[];
  passageCount: number;
};

export type RetrieveOptions = {
  /** Synonyms and the English glossary; without it only the typed words (and their compounds) count. */
  vocabulary?: Vocabulary;
  /** Overrides the ranking model's weight of the best two consecutive sentences (see rescore). */
  windowWeight?: number;
  /** The ranking model's weights (default: RANKING_MODEL, see ranking-model.ts). */
  model?: RankingModel;
  /** Every candidate scored in full with its ranking features, none skipped (for fitting the model). */
  features?: boolean;
  /**
   * Whether a compound the store's words do not split may be split at a part only the vocabulary names
   * (default yes). The gids says no: its vocabulary holds many short theme words, and such splits made it
   * suggest where nothing fits (eight gids sets: 5 fewer quiet, 3 fewer found).
   */
  splitAtVocabulary?: boolean;
};

/** A corrected typo counts almost as the word typed: the correction is one edit away. */
const TYPO_WEIGHT = 0.9;
/** Two slips leave more doubt. */
const TWO_TYPOS_WEIGHT = 0.8;
/** Candidates scored in full for every question. */
const RESCORED = 40;
/** Unknown words tried as compounds per question: a question of nonsense costs as little as a normal one. */
const MAX_COMPOUND_TRIES = 8;

/**
 * BM25 retrieval for a question. Typed words the store does not know are tried as Dutch compounds
 * ("buurtbatterij" → buurt + batterij); synonyms and, for English questions, Dutch translations
 * are searched too with a lower weight. Candidates from the full-text index are then scored with
 * each term's weight and with how well two consecutive sentences of a passage hold the question.
 */
export function retrieve(index: KnowledgeIndex, question: string, limit = 10, options: RetrieveOptions = {}): Retrieval {
  const query = analyzeQuery(question);
  const terms = typedTerms(index, query, options.splitAtVocabulary === false ? undefined : options.vocabulary);
  if (query.language === "nl") for (const verb of [...splitVerbs(index, question, query), ...derivedTerms(index, query)]) if (!terms.some((t) => t.term === verb.term)) terms.push(verb);
  for (const expansion of options.vocabulary?.expand(question, terms.map((t) => t.term), query.language) ?? []) {
    if (terms.some((t) => t.term === expansion.term)) continue;
    const df = index.documentFrequencies([expansion.term]).get(expansion.term) ?? 0;
    if (df === 0) continue;
    const word = expansion.origin === "translation"
      ? query.terms.find((t) => englishBase(t.word) === expansion.trigger)?.word
      : terms.find((t) => t.term === expansion.trigger)?.word;
    terms.push({ term: expansion.term, word: word ?? expansion.trigger, df, origin: expansion.origin, prefix: false, weight: expansion.weight });
  }
  const passageCount = index.passageCount();
  const searchable = selectSearchTerms(terms, passageCount);
  if (!searchable.length) return { query, terms, hits: [], passageCount };
  const candidates = searchWithinBudget(index, searchable, Math.max(limit, RESCORED));
  const hits = rescore(candidates, searchable, {
    passageCount,
    averageLength: index.averagePassageLength(),
    windowWeight: options.windowWeight,
    model: options.model,
    features: options.features,
    shape: { form: questionForm(question), list: asksForList(question) },
    keep: limit,
  }).slice(0, limit);
  return { query, terms, hits, passageCount };
}

/** The question's own words, with the parts of a compound the store only knows apart. */
function typedTerms(index: KnowledgeIndex, query: AnalyzedQuery, vocabulary?: Vocabulary): SearchTerm[] {
  const words = query.terms.map((typed) => ({ ...typed, ...otherTerms(typed.word, query.language) }));
  // One look-up for the typed terms and every other form they may stand for.
  const dfs = index.documentFrequencies(words.flatMap((w) => [w.term, w.infinitive, w.particleVerb].filter((t): t is string => !!t)));
  const dfOf = (term: string | undefined) => (term ? (dfs.get(term) ?? 0) : 0);
  const terms: SearchTerm[] = [];
  const add = (term: SearchTerm) => terms.some((t) => t.term === term.term) || terms.push(term);
  let typoTries = 0;
  let compoundTries = 0;
  for (const { word, joined, infinitive, particleVerb, ...typed } of words) {
    let { term } = typed;
    let df = dfOf(term);
    if (joined && df === 0) continue; // "leader-subsidies": the store spells it apart; its parts are terms already
    // "haalt", "vindt": a present-tense verb form the stemmer leaves whole, when the store knows the verb.
    if (df === 0 && dfOf(infinitive) > 0) [term, df] = [infinitive!, dfOf(infinitive)];
    terms.push({ term, word, df, origin: "typed", prefix: false, weight: 1 });
    if (df > 0) {
      // "levert" also finds "leveren": the stemmer leaves the -t form whole.
      if (infinitive && infinitive !== term && dfOf(infinitive) > 0) add({ term: infinitive, word, df: dfOf(infinitive), origin: "inflection", prefix: false, weight: INFLECTION_WEIGHT });
      continue;
    }
    const trySplit = compoundTries++ < MAX_COMPOUND_TRIES;
    const isKnownPrefix = (p: string) => index.isKnownPrefix(p);
    // A part the store lacks but the vocabulary files name ("zonne|coop": coop, a clipped coöperatie) is
    // searched through its synonyms; tried only when the store's own words do not split the word.
    const split = trySplit
      ? (splitCompound(word, { isKnown: (s) => index.isKnownTerm(s), isKnownPrefix }) ??
        (vocabulary && query.language === "nl" ? splitCompound(word, { isKnown: (s) => index.isKnownTerm(s) || vocabulary.isTrigger(s), isKnownPrefix }) : undefined))
      : undefined;
    if (!split) {
      if (particleVerb && dfOf(particleVerb) > 0) {
        add({ term: particleVerb, word, df: dfOf(particleVerb), origin: "inflection", prefix: false, weight: PARTICLE_VERB_WEIGHT });
        continue;
      }
      // English words are not Dutch typos: their edits would only meet Dutch words by chance.
      const tried = query.language === "nl" && typoTries++ < MAX_TYPO_WORDS;
      // "eigelijk": a stop word typed wrong says nothing about the topic (the store holds no stop words to correct it to).
      if (tried && isMistypedStopWord(word)) {
        terms.pop();
        continue;
      }
      const typo = tried ? correctTypo(word, index) : undefined;
      if (typo) add({ term: typo.term, df: typo.df, word, origin: "typo", prefix: false, weight: typo.edits === 1 ? TYPO_WEIGHT : TWO_TYPOS_WEIGHT });
      continue;
    }
    const parts = [
      { term: split.modifier, prefix: split.modifierIsPrefix },
      { term: split.head, prefix: false },
    ];
    for (const part of parts) {
      if (terms.some((t) => t.term === part.term)) continue;
      const partDf = part.prefix ? 1 : (index.documentFrequencies([part.term]).get(part.term) ?? 0);
      terms.push({ ...part, word, df: partDf, origin: "compound-part", weight: 1 });
    }
  }
  return terms;
}

/**
 * The other index terms a typed word may stand for: the infinitive behind a present-tense form
 * ("levert" → leveren; counts a little less than the typed form, as "-t" may belong to the word
 * itself: 0.9 and 1.0 measured alike, 0.5–0.7 gain nothing), and the verb behind a separable verb
 * ("meewerken" → werken: passages that say "werkt niet mee" hold it; used when the store lacks the
 * word itself).
 */
function otherTerms(word: string, language: AnalyzedQuery["language"]): { infinitive?: string; particleVerb?: string } {
  const verb = language === "nl" ? verbAfterParticle(word) : undefined;
  return { infinitive: presentTenseVerb(word), particleVerb: verb ? stemDutch(verb) : undefined };
}
const INFLECTION_WEIGHT = 0.9;
const PARTICLE_VERB_WEIGHT = 0.7;

/** The stem of the infinitive behind a present-tense form ending in -t ("haalt" → halen), if it may be one. */
function presentTenseVerb(word: string): string | undefined {
  if (word.length < 4 || !word.endsWith("t") || /[aeiou]t$/.test(word) && !/(aa|ee|oo|uu)t$/.test(word)) return undefined;
  return stemDutch(`${word.slice(0, -1)}en`);
}

/**
 * Rows FTS5 may score for one question. BM25 in FTS5 scores every passage that holds any query term,
 * which on a large store makes common terms expensive. Beyond this budget, candidates come from the
 * rarest terms (which carry most of the score): the candidate-generation idea of MaxScore/WAND.
 */
const ROW_BUDGET = 8_000;
const CANDIDATES = 100;

function searchWithinBudget(index: KnowledgeIndex, terms: SearchTerm[], limit: number): SearchHit[] {
  const cost = terms.reduce((sum, t) => sum + (t.prefix ? 0 : t.df), 0);
  if (cost <= ROW_BUDGET) return index.search(terms, limit);
  const byRarity = [...terms].sort((a, b) => a.df - b.df);
  const seeds: SearchTerm[] = [];
  let seedCost = 0;
  for (const t of byRarity) {
    if (seeds.length > 0 && seedCost + t.df > ROW_BUDGET) break;
    seeds.push(t);
    seedCost += t.df;
  }
  return index.search(seeds, Math.max(CANDIDATES, limit));
}

/** The most common terms whose best passages are looked up ahead of the first question. */
const WARM_TERMS = 250;

/**
 * Looks up the best passages of the store's most common terms (those beyond the row budget), so that
 * the index keeps them and the first questions made of common words only are as quick as later ones.
 * Gives way to other work between terms; returns the number of terms looked up.
 */
export async function warmCommonTerms(index: KnowledgeIndex, options: { minPassages?: number; signal?: AbortSignal } = {}): Promise<number> {
  const terms = index.commonTerms(options.minPassages ?? ROW_BUDGET, WARM_TERMS);
  let warmed = 0;
  for (const term of terms) {
    await new Promise((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) break;
    index.search([{ term }], CANDIDATES);
    warmed++;
  }
  return warmed;
}

/** Terms in more than this share of all passages barely change the ranking but cost the most time. */
const MAX_TERM_SHARE = 0.25;
const MIN_SEARCH_TERMS = 2;

/** The known terms worth searching: very common ones are left out unless too few others remain. */
function selectSearchTerms(terms: readonly SearchTerm[], passageCount: number): SearchTerm[] {
  const known = terms.filter((t) => t.df > 0);
  const selective = known.filter((t) => t.prefix || t.df <= MAX_TERM_SHARE * passageCount || passageCount < 1000);
  if (selective.length >= Math.min(MIN_SEARCH_TERMS, known.length)) return selective;
  // The rarest, kept in the question's order (the proximity feature pairs consecutive words).
  const rarest = new Set([...known].sort((a, b) => a.df - b.df).slice(0, MIN_SEARCH_TERMS));
  return known.filter((t) => rarest.has(t));
}
