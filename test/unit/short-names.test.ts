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
