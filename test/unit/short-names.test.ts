import { describe, expect, it } from "vitest";
import { shortNameReplacer, shortNames } from "../../src/store/short-names.js";

describe("forgetting a name of two letters", () => {
  it("given names of one, two and more letters, then only those of two letters are short, searched with a capital", () => {
    expect(shortNames(["Bo", "al", "B", "Roos", "J.", "Bo"])).toEqual(["Bo", "Al"]);
  });

  it("given a text of the person's own handoff, then the name goes where it stands with its capital as a whole word, anywhere", () => {
    const scrub = shortNameReplacer(["Bo"], "anoniem", { midSentence: false });
    expect(scrub("Bo, dank je. Groet, Bo")).toBe("anoniem, dank je. Groet, anoniem");
    expect(scrub("De bouw van Bomen en bo-ter")).toBe("De bouw van Bomen en bo-ter");
    expect(scrub("bo")).toBe("anoniem"); // a field that is the name alone (who wrote)
  });

  it("given a document, then only in the middle of a sentence: never as a sentence's or paragraph's first word", () => {
    const scrub = shortNameReplacer(["Al"], "anoniem", { midSentence: true });
    expect(scrub("Hoi Al, vraag om korting. Al eerder lukte dat; al met al goed.")).toBe("Hoi anoniem, vraag om korting. Al eerder lukte dat; al met al goed.");
    expect(scrub("Met vriendelijke groet\nAl")).toBe("Met vriendelijke groet\nanoniem");
    expect(scrub("Groet,\n\nAl")).toBe("Groet,\n\nanoniem");
    expect(scrub("Eerste alinea.\n\nAl met al prima.\n- Al het geld")).toBe("Eerste alinea.\n\nAl met al prima.\n- Al het geld");
  });
});

describe("forgetting a name of two letters in a hostile document", () => {
  // The mid-sentence rule looked back through every run of white space at every place in the text: a document with a
  // long run of blanks after a comma ("Groet," and then 30 000 spaces) held `kennis -- vergeet` (and its file lock) for minutes.
  it("given long runs of white space, then the name is still found once, in a text of its own length", () => {
    const scrub = shortNameReplacer(["Bo"], "anoniem", { midSentence: true });
    const blanks = " ".repeat(30_000);
    expect(scrub(`Groet,${blanks}Bo`)).toBe(`Groet,${blanks}anoniem`);
    expect(scrub(`Groet${"\n".repeat(30_000)}Bo`)).toBe(`Groet${"\n".repeat(30_000)}Bo`); // a paragraph's first word
    expect(scrub(`Groet${"\t".repeat(30_000)}\nBo.`)).toBe(`Groet${"\t".repeat(30_000)}\nanoniem.`);
  });

  it("given the places the rule knows, then it keeps to them: after a word or punctuation mark within the sentence, not after a full stop, a blank line or a dash", () => {
    const scrub = shortNameReplacer(["Bo"], "X", { midSentence: true });
    const cases: Array<[string, string]> = [
      ["Hoi Bo", "Hoi X"], ["Groet: \n \n Bo", "Groet: \n \n X"], ["Groet \t\n\t Bo", "Groet \t\n\t X"], ["groet\n\nBo", "groet\n\nBo"],
      ["Klaar. Bo", "Klaar. Bo"], ["- Bo", "- Bo"], ["Bo", "X"], ["a,Bo", "a,Bo"], ["een 𝐀 Bo", "een 𝐀 X"], ["(Bo)", "(Bo)"], ["zei Bo's", "zei X's"],
      ["Bo Bo Bo", "Bo X X"], ["groet\r\nBo", "groet\r\nBo"], ["2 Bo", "2 X"],
    ];
    for (const [text, expected] of cases) expect(scrub(text), JSON.stringify(text)).toBe(expected);
  });
});
