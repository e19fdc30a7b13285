import { describe, expect, it } from "vitest";
import { analyzeQuery } from "../../src/core/text/analyzer.js";
import { stemDutch } from "../../src/core/text/stem.js";
import { Vocabulary } from "../../src/core/text/vocabulary.js";

const stems = (q: string) => analyzeQuery(q).terms.map((t) => t.term);
const expanded = (v: Vocabulary, q: string, lang: "nl" | "en" = "nl") => v.expand(q, stems(q), lang).map((e) => e.term);

describe("the field's vocabulary file", () => {
  const vocabulary = new Vocabulary(
    [
      "# comment lines and blank lines are skipped",
      "",
      "buurthuis, wijkcentrum, ontmoetingsplek",
      "centen, potje => financiering, subsidie",
      "vrijwilliger, vrijwillige inzet",
    ].join("\n"),
    ["volunteer = vrijwilliger", "village hall = dorpshuis", "funding = financiering, subsidie"].join("\n"),
  );

  it("given a word of a symmetric group, then each searches the others, inflected forms too", () => {
    expect(expanded(vocabulary, "Wie beheert het wijkcentrum?")).toEqual(expect.arrayContaining([stemDutch("buurthuis"), stemDutch("ontmoetingsplek")]));
    expect(expanded(vocabulary, "subsidie voor buurthuizen")).toContain(stemDutch("wijkcentrum"));
  });

  it("given a one-way rule, then the everyday word finds the written one and not the other way round", () => {
    expect(expanded(vocabulary, "Waar halen we centen vandaan?")).toEqual(expect.arrayContaining([stemDutch("financiering"), stemDutch("subsidie"), stemDutch("potje")]));
    expect(expanded(vocabulary, "Welke subsidie past bij ons?")).not.toContain(stemDutch("centen"));
  });

  it("given a phrase entry, then its words count less than a single word", () => {
    const found = vocabulary.expand("Hoe houden we vrijwilligers?", stems("Hoe houden we vrijwilligers?"), "nl");
    const inzet = found.find((e) => e.term === stemDutch("inzet"));
    expect(inzet?.weight).toBeLessThan(0.5);
  });

  it("given an English question, then its words (plural, phrase) map to Dutch terms", () => {
    const found = expanded(vocabulary, "Where do volunteers for our village hall come from?", "en");
    expect(found).toEqual(expect.arrayContaining([stemDutch("vrijwilliger"), stemDutch("dorpshuis")]));
    expect(expanded(vocabulary, "funding for volunteers", "nl")).toEqual([]); // the glossary is for English questions only
  });

  it("given the shipped files, then they parse into hundreds of rules", async () => {
    const { loadVocabulary } = await import("../../src/ingest/vocabulary-files.js");
    const { STARTER_KNOWLEDGE } = await import("../helpers/temp-knowledge.js");
    const size = loadVocabulary(STARTER_KNOWLEDGE).size;
    expect(size.synonymRules).toBeGreaterThan(300);
    expect(size.glossaryRules).toBeGreaterThan(300);
  });

  it("given the shipped synonym file, then everyday phrasings of a situation reach the written words", async () => {
    const { loadVocabulary } = await import("../../src/ingest/vocabulary-files.js");
    const { STARTER_KNOWLEDGE } = await import("../helpers/temp-knowledge.js");
    const shipped = loadVocabulary(STARTER_KNOWLEDGE);
    expect(expanded(shipped, "We zitten vast met de gemeente, wat nu?")).toEqual(expect.arrayContaining([stemDutch("impasse"), stemDutch("knelpunt")]));
    expect(expanded(shipped, "Ons bestuur heeft te veel hooi op de vork")).toEqual(expect.arrayContaining([stemDutch("overbelasting"), stemDutch("werkdruk")]));
    expect(expanded(shipped, "Hoe gaan we om met wantrouwen in het dorp?")).toContain(stemDutch("vertrouwen"));
    expect(expanded(shipped, "De vergunning duurt zo lang, alles is traag")).toEqual(expect.arrayContaining([stemDutch("doorlooptijd"), stemDutch("vertraging")]));
    // a phrase whose other words are stop words would shrink to one general word: "in de weg zitten" is not a rule
    expect(expanded(shipped, "Waar zitten de vrijwilligers?")).not.toContain(stemDutch("belemmering"));
  });
});
