import { describe, expect, it } from "vitest";
import { HAND_RANKING_MODEL, RANK_FEATURES, type RankingModel } from "../../src/core/retrieval/ranking-model.js";
import { rescore } from "../../src/core/retrieval/rescore.js";
import type { SearchTerm } from "../../src/core/retrieval/search-term.js";
import { analyzeQuery, analyzeText } from "../../src/core/text/analyzer.js";
import type { SearchHit } from "../../src/core/types.js";

function hit(document: string, ordinal: number, text: string, section?: string): SearchHit {
  return {
    passage: { id: `${document}#${ordinal}`, documentId: document, ordinal, text, terms: analyzeText(text), section },
    document: { id: document, title: `Verslag ${document}`, kind: "verslag" },
    score: 0,
  };
}

const terms = (question: string): SearchTerm[] =>
  analyzeQuery(question).terms.map((t) => ({ term: t.term, word: t.word, df: 3, origin: "typed", prefix: false, weight: 1 }));

const options = { passageCount: 200, averageLength: 25, keep: 10 };
const feature = (h: { features?: number[] }, name: (typeof RANK_FEATURES)[number]) => h.features![RANK_FEATURES.indexOf(name)]!;

describe("ranking passages by a linear model over features", () => {
  const question = terms("Hoe regelt de repaircafé zijn verzekering?");
  const underHeading = hit("repair", 0, "De stichting sloot een polis af bij een gewone verzekeraar voor de repaircafé avonden.", "Verzekering");
  const wordy = hit("markt", 0, "Het repaircafé op de markt regelt veel zelf. Over verzekering is nog niets bekend. Het repaircafé zoekt vrijwilligers.");

  it("given features asked for, then every candidate has one value per feature and its score is the weighted sum", () => {
    const ranked = rescore([underHeading, wordy], question, { ...options, features: true });
    for (const h of ranked) {
      expect(h.features).toHaveLength(RANK_FEATURES.length);
      const sum = RANK_FEATURES.reduce((s, f, i) => s + HAND_RANKING_MODEL.weights[f] * h.features![i]!, 0);
      expect(h.score).toBeCloseTo(sum, 9);
    }
    const heading = ranked.find((h) => h.passage.documentId === "repair")!;
    expect(feature(heading, "heading")).toBeGreaterThan(0);
    expect(feature(heading, "sentence")).toBeLessThanOrEqual(feature(heading, "window"));
    expect(feature(heading, "window")).toBeLessThanOrEqual(feature(heading, "held") + 1e-9);
  });

  it("given the same candidates, then ranking with skipped sentence checks gives the same order as scoring all of them", () => {
    const fillers = Array.from({ length: 12 }, (_, i) => hit(`overig${i}`, 0, `Verslag ${i} van de avond over de markt en het plein, met koffie.`));
    const all = [underHeading, wordy, ...fillers];
    const full = rescore(all, question, { ...options, keep: 3, features: true }).slice(0, 3).map((h) => h.passage.id);
    const pruned = rescore(all, question, { ...options, keep: 3 }).slice(0, 3).map((h) => h.passage.id);
    expect(pruned).toEqual(full);
  });

  it("given a model that weighs the heading, then the passage whose heading names the subject comes first", () => {
    const byWords = rescore([wordy, underHeading], question, options);
    expect(byWords[0]!.passage.documentId).toBe("markt");
    const headingModel: RankingModel = { bias: 0, weights: { ...HAND_RANKING_MODEL.weights, heading: 3 } };
    const byHeading = rescore([wordy, underHeading], question, { ...options, model: headingModel });
    expect(byHeading[0]!.passage.documentId).toBe("repair");
  });

  it("given two passages of one document, then what they hold together counts for both", () => {
    const first = hit("dorp", 0, "De repaircafé van het dorp begon in 2019.");
    const second = hit("dorp", 1, "Voor de verzekering zorgt de gemeente.");
    const ranked = rescore([first, second], question, { ...options, features: true });
    const together = ranked.map((h) => feature(h, "documentHeld"));
    expect(together[0]).toBeCloseTo(together[1]!, 9);
    expect(together[0]!).toBeGreaterThan(Math.max(...ranked.map((h) => feature(h, "held"))));
  });
});
