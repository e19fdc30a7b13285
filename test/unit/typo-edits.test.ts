import { describe, expect, it } from "vitest";
import type { KnowledgeIndex } from "../../src/core/ports.js";
import { MAX_TYPO_WORDS, correctTypo } from "../../src/core/retrieval/typo-correction.js";
import { stemDutch } from "../../src/core/text/stem.js";
import { editDistanceWithin, editsOne, isOneEditFrom } from "../../src/core/text/typo-edits.js";
import { verbAfterParticle } from "../../src/core/text/separable-particle.js";

describe("edits one away (Norvig)", () => {
  it("given a word, then deletes, swaps, replacements and inserts, without the word itself", () => {
    const edits = editsOne("buurt");
    expect(edits).toEqual(expect.arrayContaining(["burt", "uburt", "baurt", "buuurt", "buurts"]));
    expect(edits).not.toContain("buurt");
    // 5 deletes + 4 swaps + 5×25 replacements + 6×26 inserts, fewer where they coincide
    expect(edits.length).toBeLessThanOrEqual(5 + 4 + 5 * 25 + 6 * 26);
    expect(new Set(edits).size).toBe(edits.length);
  });
});

/** A vocabulary of index terms with their passage counts; records whether it was asked for. */
function vocabulary(dfs: Record<string, number>) {
  const looked: string[] = [];
  const terms = new Map(Object.entries(dfs));
  const index = {
    termVocabulary() {
      looked.push("vocabulary");
      return terms;
    },
  } as unknown as KnowledgeIndex;
  return { index, looked };
}

describe("edit distance within a limit", () => {
  it("given words one or two edits apart, then the count; a swap of neighbours is one edit", () => {
    expect(editDistanceWithin("buurt", "buurt", 2)).toBe(0);
    expect(editDistanceWithin("buurt", "bruut", 2)).toBe(2);
    expect(editDistanceWithin("vereniging", "vereinging", 2)).toBe(1);
    expect(editDistanceWithin("bibliothek", "bibilotek", 2)).toBe(2);
  });

  it("given words further apart than the limit, then limit + 1, also for very different lengths", () => {
    expect(editDistanceWithin("gemeente", "provincie", 2)).toBe(3);
    expect(editDistanceWithin("dorp", "dorpshuisvereniging", 2)).toBe(3);
  });
});

describe("the verb behind a separable particle", () => {
  it("given a separable verb, then the verb without its particle, the longest particle first", () => {
    expect(verbAfterParticle("meewerken")).toBe("werken");
    expect(verbAfterParticle("terugtrekken")).toBe("trekken");
    expect(verbAfterParticle("samenwerken")).toBe("werken");
    expect(verbAfterParticle("vrijmaken")).toBe("maken");
  });

  it("given a word without a particle, or too little after it, then nothing", () => {
    expect(verbAfterParticle("gemeente")).toBeUndefined();
    expect(verbAfterParticle("uiten")).toBeUndefined();
    expect(verbAfterParticle("opa")).toBeUndefined();
  });
});

describe("typo correction against the store's vocabulary", () => {
  it("given a mistyped word, then the known term one edit away with the most passages", () => {
    const { index } = vocabulary({ [stemDutch("vergadering")]: 3, [stemDutch("vergaderingen")]: 3 });
    expect(correctTypo("vergaedring", index)).toEqual({ term: stemDutch("vergadering"), df: 3, edits: 1 });
    const both = vocabulary({ [stemDutch("wandeling")]: 2, [stemDutch("handeling")]: 7 });
    expect(correctTypo("pandeling", both.index)?.term).toBe(stemDutch("handeling"));
  });

  it("given a typo in the ending, or one the stemmer does not see through, then the word it stands for", () => {
    const { index } = vocabulary({ [stemDutch("gemeenschappen")]: 5, [stemDutch("verbeteringen")]: 2 });
    expect(correctTypo("gemeenschappne", index)?.term).toBe(stemDutch("gemeenschap"));
    expect(correctTypo("verbteringen", index)?.term).toBe(stemDutch("verbetering"));
  });

  it("given a typo of an irregular verb form, then the verb's term", () => {
    const { index } = vocabulary({ [stemDutch("schrijven")]: 3 });
    expect(correctTypo("geschrevne", index)?.term).toBe(stemDutch("schrijven"));
  });

  it("given a store term that is no Dutch word (a name, OCR debris), then it is no correction", () => {
    const { index } = vocabulary({ kwartiermaker: 1, vrijwiligr: 9 });
    expect(correctTypo("vrijwiligrs", index)).toBeUndefined();
  });

  it("given a correctly spelled Dutch word the store lacks, then no correction", () => {
    const { index, looked } = vocabulary({ [stemDutch("zwembaden")]: 4 });
    expect(correctTypo("zwembad", index)).toBeUndefined();
    expect(looked).toEqual([]);
  });

  it("given a short word, an over-long word or a word with digits, then nothing is looked up", () => {
    const { index, looked } = vocabulary({});
    expect(correctTypo("bsuh", index)).toBeUndefined();
    expect(correctTypo("x".repeat(31), index)).toBeUndefined();
    expect(correctTypo("vergadr2ing", index)).toBeUndefined();
    expect(looked).toEqual([]);
    expect(MAX_TYPO_WORDS).toBe(5);
  });

  it("given a long word with two slips, then the Dutch word two edits away; a short one gets no such guess", () => {
    const { index } = vocabulary({ [stemDutch("initiatief")]: 12, [stemDutch("zaal")]: 3 });
    expect(correctTypo("iniatief", index)).toEqual({ term: stemDutch("initiatief"), df: 12, edits: 2 });
    const buurthuis = vocabulary({ [stemDutch("buurthuis")]: 4 });
    expect(correctTypo("burthis", buurthuis.index)).toBeUndefined(); // seven letters: two slips are not guessed
  });
});

describe("one edit from a known word", () => {
  const known = new Set(["eigenlijk", "misschien"]);
  const lengths = { min: 6, max: 9 };
  it("given a word one edit from a known one, then yes; two edits, a known word too short, or a word far longer than any, then no", () => {
    expect(isOneEditFrom("eigelijk", (e) => known.has(e), lengths)).toBe(true);
    expect(isOneEditFrom("misschein", (e) => known.has(e), lengths)).toBe(true);
    expect(isOneEditFrom("eglijk", (e) => known.has(e), lengths)).toBe(false);
    expect(isOneEditFrom("wat", (e) => new Set(["wa"]).has(e), lengths)).toBe(false);
    let asked = 0;
    expect(isOneEditFrom("eigenlijk".repeat(20), (e) => (asked++, known.has(e)), lengths)).toBe(false);
    expect(asked).toBe(0);
  });
});

