import { describe, expect, it } from "vitest";
import { idf, questionWeight, typedShare } from "../../src/core/retrieval/question-weight.js";
import type { SearchTerm } from "../../src/core/retrieval/search-term.js";

const term = (t: Partial<SearchTerm> & Pick<SearchTerm, "term" | "word">): SearchTerm => ({ df: 10, origin: "typed", prefix: false, weight: 1, ...t });

/** "Hoe vinden we chauffeurs voor de buurtbus?", with a synonym and a compound's parts. */
const TERMS: SearchTerm[] = [
  term({ term: "chauffeur", word: "chauffeurs", df: 4 }),
  term({ term: "bestuurder", word: "chauffeurs", df: 8, origin: "synonym", weight: 0.5 }),
  term({ term: "rijder", word: "chauffeurs", df: 2, origin: "synonym", weight: 0.5 }),
  term({ term: "buurtbus", word: "buurtbus", df: 0 }),
  term({ term: "buurt", word: "buurtbus", df: 30, origin: "compound-part" }),
  term({ term: "bus", word: "buurtbus", df: 6, origin: "compound-part" }),
];
const N = 100;

describe("the weight of a question and how much of it a text holds", () => {
  it("given a word and its synonyms in one text, then the word counts once, at its best", () => {
    const question = questionWeight(TERMS, N);
    const typedOnly = question.held(new Set(["chauffeur"]));
    expect(typedOnly).toBeCloseTo(idf(4, N));
    expect(question.held(new Set(["chauffeur", "bestuurder", "rijder"]))).toBeCloseTo(typedOnly);
    expect(question.held(new Set(["rijder"]))).toBeCloseTo(0.5 * idf(2, N));
  });

  it("given a compound the store only knows apart, then its parts together stand for it", () => {
    const question = questionWeight(TERMS, N);
    expect(question.held(new Set(["buurt", "bus"]))).toBeCloseTo(idf(30, N) + idf(6, N));
    expect(question.share(new Set(["chauffeur", "buurt", "bus"]))).toBeLessThanOrEqual(1);
  });

  it("given a quote to choose, then every search term it holds counts, a stand-in at the weight asked for", () => {
    const question = questionWeight(TERMS, N, { expansionWeight: 0.6 });
    expect(question.heldEach(new Set(["chauffeur", "rijder"]))).toBeCloseTo(idf(4, N) + 0.6 * idf(2, N));
  });

  it("given the evidence for answering, then a word the store lacks counts against and a stand-in by the word it stands for", () => {
    const terms = [term({ term: "chauffeur", word: "chauffeurs", df: 4 }), term({ term: "rijder", word: "chauffeurs", df: 2, origin: "synonym", weight: 0.5 }), term({ term: "kwartier", word: "kwartier", df: 0 })];
    const total = idf(4, N) + idf(0, N);
    expect(typedShare(new Set(["chauffeur"]), terms, N)).toBeCloseTo(idf(4, N) / total);
    expect(typedShare(new Set(["rijder"]), terms, N)).toBeCloseTo((0.5 * idf(4, N)) / total);
  });
});
