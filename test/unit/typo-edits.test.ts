import { describe, expect, it } from "vitest";
import type { KnowledgeIndex } from "../../src/core/ports.js";
import { MAX_TYPO_WORDS, correctTypo } from "../../src/core/retrieval/typo-correction.js";
import { stemDutch } from "../../src/core/text/stem.js";
import { editsOne } from "../../src/core/text/typo-edits.js";

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

/** A vocabulary of index terms with their passage counts; records what was looked up. */
function vocabulary(dfs: Record<string, number>) {
  const looked: string[] = [];
  const index = {
    documentFrequencies(terms: readonly string[]) {
      looked.push(...terms);
      return new Map(terms.map((t) => [t, dfs[t] ?? 0]));
    },
  } as unknown as KnowledgeIndex;
  return { index, looked };
}

describe("typo correction against the store's vocabulary", () => {
  it("given a mistyped word, then the known term one edit away with the most passages", () => {
    const { index } = vocabulary({ [stemDutch("vergadering")]: 3, [stemDutch("vergaderingen")]: 3 });
    expect(correctTypo("vergaedring", index)).toEqual({ term: stemDutch("vergadering"), df: 3 });
    const both = vocabulary({ [stemDutch("wandeling")]: 2, [stemDutch("handeling")]: 7 });
    expect(correctTypo("pandeling", both.index)?.term).toBe(stemDutch("handeling"));
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
});
