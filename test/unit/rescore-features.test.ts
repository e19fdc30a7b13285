import { describe, expect, it } from "vitest";
import { HAND_RANKING_MODEL, RANK_FEATURES, RANKING_MODEL, type RankingModel } from "../../src/core/retrieval/ranking-model.js";
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
      const sum = RANK_FEATURES.reduce((s, f, i) => s + RANKING_MODEL.weights[f] * h.features![i]!, 0);
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
    // Word pairs standing together are left out here: the heading alone is weighed.
    const wordsOnly: RankingModel = { bias: 0, weights: { ...HAND_RANKING_MODEL.weights, proximity: 0 } };
    const byWords = rescore([wordy, underHeading], question, { ...options, model: wordsOnly });
    expect(byWords[0]!.passage.documentId).toBe("markt");
    const headingModel: RankingModel = { bias: 0, weights: { ...wordsOnly.weights, heading: 3 } };
    const byHeading = rescore([wordy, underHeading], question, { ...options, model: headingModel });
    expect(byHeading[0]!.passage.documentId).toBe("repair");
  });

  it("given two passages holding the same question words, then the one where consecutive question words stand together ranks first", () => {
    const asked = terms("Hoe werkt de buurtbus in de winter?");
    // Both hold "werkt", "buurtbus" and "winter" once, in one sentence; the one where they stand apart is shorter (BM25 prefers it).
    const together = hit("a", 0, "In de winter werkt de buurtbus met een kortere dienstregeling en minder chauffeurs op zaterdag en zondag, en het bestuur zoekt daarom nieuwe vrijwilligers voor de vroege ochtend.");
    const apart = hit("b", 0, "De buurtbus rijdt vijf dagen per week door drie dorpen langs de rivier, en het bestuur werkt met vrijwilligers, ook in de winter.");
    const ranked = rescore([apart, together], asked, { ...options, features: true });
    expect(feature(ranked.find((h) => h.passage.documentId === "a")!, "proximity")).toBeGreaterThan(feature(ranked.find((h) => h.passage.documentId === "b")!, "proximity"));
    expect(rescore([apart, together], asked, options)[0]!.passage.documentId).toBe("a");
  });

  it("given two passages of one document, then what they hold together counts for both", () => {
    const first = hit("dorp", 0, "De repaircafé van het dorp begon in 2019.");
    const second = hit("dorp", 1, "Voor de verzekering zorgt de gemeente.");
    const ranked = rescore([first, second], question, { ...options, features: true });
    const together = ranked.map((h) => feature(h, "documentHeld"));
    expect(together[0]).toBeCloseTo(together[1]!, 9);
    expect(together[0]!).toBeGreaterThan(Math.max(...ranked.map((h) => feature(h, "held"))));
  });

  it("given a why-question, then two sentences that give a reason hold the question's weight in the shape feature, a bare mention does not", () => {
    const why = terms("Waarom stopt de buurtbus in het dorp?");
    const reason = hit("bus", 0, "De buurtbus stopt in het dorp omdat er te weinig chauffeurs zijn. Het bestuur zoekt nieuwe mensen.");
    const mention = hit("krant", 0, "De buurtbus stopt in het dorp. Het bestuur zoekt nieuwe mensen.");
    const ranked = rescore([mention, reason], why, { ...options, features: true, shape: { form: "why", list: false } });
    const of = (id: string) => ranked.find((h) => h.passage.documentId === id)!;
    expect(feature(of("bus"), "shape")).toBeCloseTo(feature(of("bus"), "window"), 9);
    expect(feature(of("krant"), "shape")).toBe(0);
    const shaped: RankingModel = { bias: 0, weights: { ...HAND_RANKING_MODEL.weights, shape: 1 } };
    expect(rescore([mention, reason], why, { ...options, model: shaped, shape: { form: "why", list: false } })[0]!.passage.documentId).toBe("bus");
  });

  it("given a question with one rare word, then only passages holding that word have the rarest-word feature", () => {
    const rare: SearchTerm[] = [
      { term: analyzeText("kringloopwinkel")[0]!, word: "kringloopwinkel", df: 1, origin: "typed", prefix: false, weight: 1 },
      { term: analyzeText("vrijwilligers")[0]!, word: "vrijwilligers", df: 40, origin: "typed", prefix: false, weight: 1 },
    ];
    const ranked = rescore([hit("a", 0, "De kringloopwinkel draait op vrijwilligers."), hit("b", 0, "Vrijwilligers zijn welkom.")], rare, { ...options, features: true });
    const of = (id: string) => ranked.find((h) => h.passage.documentId === id)!;
    expect(feature(of("a"), "rarest")).toBeGreaterThan(0);
    expect(feature(of("b"), "rarest")).toBe(0);
  });
});
