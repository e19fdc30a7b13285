import type { KnowledgeIndex } from "../ports.js";
import type { SearchHit } from "../types.js";
import { analyzeQuery, type AnalyzedQuery } from "../text/analyzer.js";
import { splitCompound } from "../text/compounds.js";
import { synonymsOf } from "../text/thesaurus.js";
import { MAX_TYPO_WORDS, correctTypo } from "./typo-correction.js";

/**
 * A search term with where it came from: typed, a part of a typed compound the store lacks, a synonym,
 * or the correction of a mistyped word ("typo"; the ranking has no term weights, so it is marked).
 */
export type SearchTerm = {
  term: string;
  /** The typed word it stands for. */
  word: string;
  /** Passages holding it. */
  df: number;
  origin: "typed" | "compound-part" | "synonym" | "typo";
  prefix: boolean;
};

export type Retrieval = {
  query: AnalyzedQuery;
  terms: SearchTerm[];
  hits: SearchHit[];
  passageCount: number;
};

/**
 * BM25 retrieval for a question. Typed words the store does not know are tried as Dutch compounds
 * ("buurtbatterij" → buurt + batterij) so that a question may use a compound the documents spell apart.
 */
export function retrieve(index: KnowledgeIndex, question: string, limit = 10): Retrieval {
  const query = analyzeQuery(question);
  const dfs = index.documentFrequencies(query.terms.map((t) => t.term));
  const terms: SearchTerm[] = [];
  let typoTries = 0;
  for (const { word, term, joined } of query.terms) {
    const df = dfs.get(term) ?? 0;
    if (joined && df === 0) continue; // "leader-subsidies": the store spells it apart; its parts are terms already
    terms.push({ term, word, df, origin: "typed", prefix: false });
    if (df > 0) continue;
    const split = splitCompound(word, { isKnown: (s) => index.isKnownTerm(s), isKnownPrefix: (p) => index.isKnownPrefix(p) });
    if (!split) {
      // English words are not Dutch typos: their edits would only meet Dutch words by chance.
      const typo = query.language === "nl" && typoTries++ < MAX_TYPO_WORDS ? correctTypo(word, index) : undefined;
      if (typo && !terms.some((t) => t.term === typo.term)) terms.push({ ...typo, word, origin: "typo", prefix: false });
      continue;
    }
    const parts = [
      { term: split.modifier, prefix: split.modifierIsPrefix },
      { term: split.head, prefix: false },
    ];
    for (const part of parts) {
      if (terms.some((t) => t.term === part.term)) continue;
      const partDf = part.prefix ? 1 : (index.documentFrequencies([part.term]).get(part.term) ?? 0);
      terms.push({ ...part, word, df: partDf, origin: "compound-part" });
    }
  }
  for (const typed of terms.filter((t) => t.origin === "typed")) {
    for (const synonym of synonymsOf(typed.term)) {
      if (terms.some((t) => t.term === synonym)) continue;
      const df = index.documentFrequencies([synonym]).get(synonym) ?? 0;
      if (df > 0) terms.push({ term: synonym, word: typed.word, df, origin: "synonym", prefix: false });
    }
  }
  const passageCount = index.passageCount();
  const searchable = selectSearchTerms(terms, passageCount);
  const hits = searchable.length ? searchWithinBudget(index, searchable, limit, passageCount) : [];
  return { query, terms, hits, passageCount };
}

/**
 * Rows FTS5 may score for one question. BM25 in FTS5 scores every passage that holds any query term,
 * which on a large store makes common terms expensive. Beyond this budget, candidates come from the
 * rarest terms (which carry most of the score) and are then scored with BM25 over all terms: the
 * candidate-generation idea of MaxScore/WAND. Small stores always take the exact path.
 */
const ROW_BUDGET = 8_000;
const CANDIDATES = 100;

function searchWithinBudget(index: KnowledgeIndex, terms: SearchTerm[], limit: number, passageCount: number): SearchHit[] {
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
  const candidates = index.search(seeds, Math.max(CANDIDATES, limit));
  const averageLength = index.averagePassageLength();
  return candidates
    .map((hit) => ({ ...hit, score: bm25(hit, terms, passageCount, averageLength) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, limit);
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

/** Okapi BM25 (k1 = 1.2, b = 0.75, as FTS5) of a passage body for the given terms. */
function bm25(hit: SearchHit, terms: readonly SearchTerm[], passageCount: number, averageLength: number): number {
  const own = hit.passage.terms;
  const lengthNorm = 1.2 * (0.25 + (0.75 * own.length) / averageLength);
  let score = 0;
  for (const t of terms) {
    const tf = own.reduce((n, o) => n + (tokenMatches(o, t) ? 1 : 0), 0);
    if (tf > 0) score += idf(t.df, passageCount) * ((tf * 2.2) / (tf + lengthNorm));
  }
  return score;
}

/** Terms in more than this share of all passages barely change the ranking but cost the most time. */
const MAX_TERM_SHARE = 0.25;
const MIN_SEARCH_TERMS = 2;

/** The known terms worth searching: very common ones are left out unless too few others remain. */
function selectSearchTerms(terms: readonly SearchTerm[], passageCount: number): SearchTerm[] {
  const known = terms.filter((t) => t.df > 0);
  const selective = known.filter((t) => t.prefix || t.df <= MAX_TERM_SHARE * passageCount || passageCount < 1000);
  if (selective.length >= Math.min(MIN_SEARCH_TERMS, known.length)) return selective;
  return [...known].sort((a, b) => a.df - b.df).slice(0, MIN_SEARCH_TERMS);
}

/** Inverse document frequency, as in BM25; unknown terms weigh most. */
export function idf(df: number, passageCount: number): number {
  return Math.log(1 + (passageCount - df + 0.5) / (df + 0.5));
}

/** Share of the question's term weight (IDF) found in a passage's own text or heading. */
export function coverageOf(hit: SearchHit, terms: readonly SearchTerm[], passageCount: number): number {
  const own = new Set(hit.passage.terms);
  let total = 0;
  let found = 0;
  for (const t of terms) {
    if (t.origin !== "typed") continue;
    const weight = idf(t.df, passageCount);
    total += weight;
    if (holds(own, t, terms)) found += weight;
  }
  return total > 0 ? found / total : 0;
}

/** A typed term is found as itself, for a compound as both of its parts, for a typo as its correction. */
function holds(own: ReadonlySet<string>, t: SearchTerm, all: readonly SearchTerm[]): boolean {
  if (own.has(t.term)) return true;
  const parts = all.filter((p) => (p.origin === "compound-part" || p.origin === "typo") && p.word === t.word);
  return parts.length > 0 && parts.every((p) => matchesTerm(own, p));
}

/** Whether a set of index terms holds a search term (for a prefix term: any term starting with it). */
export function matchesTerm(own: ReadonlySet<string>, t: Pick<SearchTerm, "term" | "prefix">): boolean {
  if (!t.prefix) return own.has(t.term);
  for (const o of own) if (tokenMatches(o, t)) return true;
  return false;
}

function tokenMatches(token: string, t: Pick<SearchTerm, "term" | "prefix">): boolean {
  return t.prefix ? token.startsWith(t.term) : token === t.term;
}
