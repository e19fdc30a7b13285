import { afterEach, describe, expect, it } from "vitest";
import { readableSentences } from "../../src/core/answer/readable-text.js";
import { analyzeText } from "../../src/core/text/analyzer.js";
import { dutchDictionary, dutchDictionaryState, useDutchDictionaryLoader } from "../../src/core/text/dutch-dictionary.js";
import { ocrCandidatesManyL, ocrCandidatesOne, ocrCandidatesTwo } from "../../src/core/text/ocr-confusions.js";
import { repairOcrText, repairOcrWord } from "../../src/core/text/ocr-repair.js";
import { stemDutch } from "../../src/core/text/stem.js";
import { sourceLabel, type SearchHit } from "../../src/core/types.js";

describe("OCR confusion candidates", () => {
  it("given one misread letter or letter pair, then one substitution yields the printed word", () => {
    expect(ocrCandidatesOne("codperatie")).toContain("coöperatie");
    expect(ocrCandidatesOne("commerciéle")).toContain("commerciële");
    expect(ocrCandidatesOne("gerneente")).toContain("gemeente");
    expect(ocrCandidatesOne("bewoncrs")).toContain("bewoners");
    expect(ocrCandidatesOne("buurthuls")).toContain("buurthuis");
  });

  it("given two misread letters, then only two substitutions yield the printed word", () => {
    expect(ocrCandidatesOne("wljkraacl")).not.toContain("wijkraad");
    expect(ocrCandidatesTwo("wljkraacl")).toContain("wijkraad");
    expect(ocrCandidatesTwo("wljkraacl")).not.toContain("wljkraacl");
  });

  it("given a word whose i's were all read as l's, then the candidates of three or more l's for i's hold it, with its real l's kept", () => {
    expect(ocrCandidatesTwo("vrljwllllgers")).not.toContain("vrijwilligers");
    expect(ocrCandidatesManyL("vrljwllllgers")).toContain("vrijwilligers");
    expect(ocrCandidatesManyL("lnltlatleven")).toContain("initiatieven");
    expect(ocrCandidatesManyL("wljkraacl")).toEqual([]);
    expect(ocrCandidatesManyL("lllllllgemeente")).toEqual([]); // more l's than tried
  });
});

describe("OCR repair decisions (OpenTaal word list)", () => {
  it("given a damaged word one dictionary word explains, then that word", () => {
    expect(repairOcrWord("codperatie")).toBe("coöperatie");
    expect(repairOcrWord("wljkraacl")).toBe("wijkraad");
    expect(repairOcrWord("commerciéle")).toBe("commerciële");
    expect(repairOcrWord("vrljwllllgers")).toBe("vrijwilligers");
  });

  it("given a correct word, a short word, a number or a word with no dictionary explanation, then no repair", () => {
    expect(repairOcrWord("vergadering")).toBeUndefined();
    expect(repairOcrWord("lnde")).toBeUndefined();
    expect(repairOcrWord("20240")).toBeUndefined();
    expect(repairOcrWord("qxzvwpt")).toBeUndefined();
  });

  it("given an English word that one misreading would make a name, then no repair (names are not candidates)", () => {
    expect(repairOcrWord("early")).toBeUndefined();
    expect(repairOcrText("An early start")).toBe("An early start");
  });

  it("given a section heading with a damaged word, then the source label shows it repaired", () => {
    const hit = {
      document: { id: "scan.txt", title: "Verslag" },
      passage: { section: "Analyse van elgenheld", page: undefined },
    } as unknown as SearchHit;
    expect(sourceLabel(hit)).toBe("Verslag — Analyse van eigenheid");
  });

  it("given a word that only lost its diacritics, then the dictionary spelling, whose index term is the same", () => {
    expect(repairOcrWord("cooperatie")).toBe("coöperatie");
    expect(analyzeText("de cooperatie")).toEqual([stemDutch("cooperatie")]);
  });

  it("given a damaged word in a passage, then the index holds its own term and the repaired word's term", () => {
    const terms = analyzeText("Het wljkraacl vergadert maandelijks.");
    expect(terms).toContain(stemDutch("wljkraacl"));
    expect(terms).toContain(stemDutch("wijkraad"));
    expect(terms.indexOf(stemDutch("wijkraad"))).toBe(terms.indexOf(stemDutch("wljkraacl")) + 1);
  });

  it("given text a person reads, then damaged words are repaired with their capitals and names stay", () => {
    expect(repairOcrText("Elgenheld en de codperatie. Codperatie in Leeuwarden.")).toBe("Eigenheid en de coöperatie. Coöperatie in Leeuwarden.");
    expect(repairOcrText("ELGENHELD")).toBe("EIGENHEID");
    // capitalised inside a sentence: most likely a name the dictionary lacks
    expect(repairOcrText("Wij fietsten naar Elgenheld.")).toBe("Wij fietsten naar Elgenheld.");
    expect(readableSentences("Het wljkraacl van Zwolle vergadert iedere maand in het buurthuls.")).toEqual([
      "Het wijkraad van Zwolle vergadert iedere maand in het buurthuis.",
    ]);
  });
});

describe("without the word list", () => {
  afterEach(() => useDutchDictionaryLoader());

  it("given a word list that cannot be loaded, then analysis goes on without repair and says so", () => {
    useDutchDictionaryLoader(() => {
      throw new Error("missing");
    });
    expect(analyzeText("Het bestuur van de codperatie")).toEqual(["bestur", stemDutch("codperatie")]);
    expect(repairOcrText("De codperatie")).toBe("De codperatie");
    expect(dutchDictionaryState()).toBe("unavailable");
    expect(dutchDictionary()).toBeUndefined();
  });
});
