import { describe, expect, it } from "vitest";
import { analyzeQuery, analyzeText } from "../../src/core/text/analyzer.js";
import { splitCompound } from "../../src/core/text/compounds.js";
import { foldDiacritics, tokenize } from "../../src/core/text/fold.js";
import { stemDutch } from "../../src/core/text/stem.js";
import { looksLikeVerbForm } from "../../src/core/text/word-shape.js";

describe("Dutch text analysis", () => {
  it("given diacritics, then folds them away", () => {
    expect(foldDiacritics("Coöperatie créëren")).toBe("cooperatie creeren");
  });

  it("given soft hyphens or zero-width spaces inside a word (pasted from a web page), then the word stays whole", () => {
    expect(analyzeText("de buurt\u00adbewoners en de dorps\u200bhuizen")).toEqual(analyzeText("de buurtbewoners en de dorpshuizen"));
  });

  it("given direction marks inside a word (a right-to-left keyboard, a paste), then the word stays whole in text and question", () => {
    // U+200F, U+200E, U+061C (Arabic letter mark), U+202B…U+202C (an embedding), U+2067…U+2069 (an isolate).
    const marked = "Fond\u200fsen voor het dorps\u200ehuis, de buurt\u061cbewoners, een moes\u202btuin\u202c en \u2067zonne\u2069panelen";
    const plain = "Fondsen voor het dorpshuis, de buurtbewoners, een moestuin en zonnepanelen";
    expect(analyzeText(marked)).toEqual(analyzeText(plain));
    expect(analyzeQuery(marked)).toEqual(analyzeQuery(plain));
    expect(analyzeQuery(marked).terms.map((t) => t.term)).toContain(stemDutch("fondsen"));
  });

  it("given a hyphenated word, then yields the parts and the joined form", () => {
    expect(tokenize("Crowd-funding")).toEqual(["crowd", "funding", "crowdfunding"]);
    expect(tokenize("thema's")).toEqual(["thema"]);
  });

  it("given a contraction such as zo'n or z'n, then it is one stop word, not a topic word like zon", () => {
    expect(tokenize("zo’n fiets")).toEqual(["zo'n", "fiets"]);
    expect(analyzeText("Met zo'n lange dag in de zon pakt hij z'n fiets.")).toEqual(["lang", "dag", "zon", "pakt", "fiet"]);
  });

  it("given singular and plural, then both stem to the same term", () => {
    expect(stemDutch("fondsen")).toBe(stemDutch("fonds"));
    expect(stemDutch("subsidies")).toBe(stemDutch("subsidie"));
    expect(stemDutch("vrijwilligers")).toBe(stemDutch("vrijwilliger"));
    expect(stemDutch("gemeenten")).toBe(stemDutch("gemeente"));
  });

  it("given the plural of a word that ends in a vowel (-s after a mute e, -ën), then it meets its singular; words that only look so stay whole", () => {
    for (const [singular, plural] of [["brochure", "brochures"], ["website", "websites"], ["route", "routes"], ["kaartje", "kaartjes"], ["kade", "kades"], ["energie", "energieën"], ["idee", "ideeën"], ["zee", "zeeën"], ["categorie", "categorieën"]] as const) {
      expect(analyzeText(plural), plural).toEqual(analyzeText(singular));
    }
    // The word list does not know "proce", "congre" or "adre": these end in -es of their own.
    for (const [word, plural] of [["proces", "processen"], ["congres", "congressen"], ["adres", "adressen"]] as const) {
      expect(analyzeText(word), word).toEqual(analyzeText(plural));
      expect(analyzeText(word)[0], word).toMatch(/s$/);
    }
  });

  it("given the f/v, s/z, long/short vowel and double/single consonant spellings of one word, then they stem to the same term", () => {
    expect(stemDutch("initiatieven")).toBe(stemDutch("initiatief"));
    expect(stemDutch("bewonersinitiatieven")).toBe(stemDutch("bewonersinitiatief"));
    expect(stemDutch("huizen")).toBe(stemDutch("huis"));
    expect(stemDutch("prijzen")).toBe(stemDutch("prijs"));
    expect(stemDutch("provinciale")).toBe(stemDutch("provinciaal"));
    expect(stemDutch("financiele")).toBe(stemDutch("financieel"));
    expect(stemDutch("geloven")).toBe(stemDutch("geloof"));
    expect(stemDutch("gemeenschappen")).toBe(stemDutch("gemeenschap"));
    expect(stemDutch("dorpsgemeenschappen")).toBe(stemDutch("dorpsgemeenschap"));
  });

  it("given a question, then drops stop and question words", () => {
    const q = analyzeQuery("Hoe houden we onze vrijwilligers vast?");
    expect(q.language).toBe("nl");
    expect(q.terms.map((t) => t.word)).toEqual(["houden", "vrijwilligers", "vast"]);
  });

  it("given an English question, then detects English", () => {
    expect(analyzeQuery("What role can the province play?").language).toBe("en");
  });

  it("given an English question that starts with 'we' (a Dutch word too) and has none of the question words, then still English, and its stop words dropped", () => {
    const q = analyzeQuery("We'd like to start a food bank in our village. Has anyone done this before?");
    expect(q.language).toBe("en");
    expect(q.terms.map((t) => t.word)).not.toContain("our");
    expect(analyzeQuery("Heeft iemand in ons dorp een voedselbank opgezet?").language).toBe("nl");
  });

  it("given document text, then keeps repeated terms for term frequency", () => {
    expect(analyzeText("De gemeente en de gemeenten").filter((t) => t === stemDutch("gemeente"))).toHaveLength(2);
  });

  it("given an unknown compound, then splits it into known parts with a linking s", () => {
    const known = new Set([stemDutch("kracht"), stemDutch("gemeenschap")]);
    const split = splitCompound("gemeenschapskracht", { isKnown: (s) => known.has(s), isKnownPrefix: () => false });
    expect(split).toEqual({ head: stemDutch("kracht"), modifier: stemDutch("gemeenschap"), modifierIsPrefix: false });
  });

  it("given a compound whose first part is only known inside other compounds, then searches it as a prefix", () => {
    const split = splitCompound("financieringsvormen", {
      isKnown: (s) => s === stemDutch("vormen"),
      isKnownPrefix: (p) => p === "financiering",
    });
    expect(split).toMatchObject({ modifier: "financiering", modifierIsPrefix: true });
  });

  it("given verb forms and nouns, then tells them apart by shape", () => {
    expect(looksLikeVerbForm("betalen")).toBe(true);
    expect(looksLikeVerbForm("gemotiveerd")).toBe(true);
    expect(looksLikeVerbForm("reglement")).toBe(false);
    expect(looksLikeVerbForm("gezondheid")).toBe(false);
    expect(looksLikeVerbForm("vergaderingen")).toBe(false);
  });
});

describe("query expansion", () => {
  it("given strong verb forms, then they meet their infinitive", async () => {
    const { stemDutch } = await import("../../src/core/text/stem.js");
    expect(stemDutch("betrokken")).toBe(stemDutch("betrekken"));
    expect(stemDutch("gekregen")).toBe(stemDutch("krijgen"));
  });

});
