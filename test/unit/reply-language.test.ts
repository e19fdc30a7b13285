import { describe, expect, it } from "vitest";
import { replyLanguage } from "../../src/core/reply-language.js";
import { analyzeQuery } from "../../src/core/text/analyzer.js";

describe("the language a question is answered in", () => {
  it("given Dutch questions whose only marker word is 'of' (or, whether), then they are answered in Dutch and searched with Dutch stop words", () => {
    for (const question of ["Weet iemand of er subsidie is?", "Subsidie of sponsoring aanvragen?", "Vrijwilligers werven: flyers of posters?"]) {
      expect(replyLanguage(question), question).toBe("nl");
      expect(analyzeQuery(question).language, question).toBe("nl");
    }
  });

  it("given English questions with 'of' among English words, then they are still answered in English", () => {
    expect(replyLanguage("What is the cost of a permit for a street party?")).toBe("en");
    expect(replyLanguage("Has anyone got a list of volunteers for our village?")).toBe("en");
  });

  it("given an English question naming a Dutch initiative ('De Wielewaal', 'Het Trefpunt'), then it is still English; a Dutch one without question word still Dutch", () => {
    expect(replyLanguage("What kind of rental price structure did De Wielewaal introduce?")).toBe("en");
    expect(replyLanguage("When did Het Trefpunt open its doors?")).toBe("en");
    expect(replyLanguage("Iemand ervaring met een buurtbus op het platteland?")).toBe("nl");
    expect(replyLanguage("Geen idee waar ik moet beginnen met de subsidie")).toBe("nl");
  });
});
