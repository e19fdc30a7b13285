import { describe, expect, it } from "vitest";
import { isFollowUp, withContext } from "../../src/core/decision/follow-up.js";

describe("follow-up questions", () => {
  it.each([
    ["En voor 200 mensen?", true],
    ["Hoe regel ik dat?", true],
    ["Maar wat als de gemeente nee zegt?", true],
    ["Wat is een burgerbegroting?", false],
    ["Hoe houden we vrijwilligers gemotiveerd als we ze niet kunnen betalen?", false],
  ])("given %j, then follow-up is %s", (question, expected) => {
    expect(isFollowUp(question)).toBe(expected);
  });

  it("given a follow-up, then it is read with the question before it; a new question stands alone", () => {
    expect(withContext("En hoe werkt dat?", ["Wat is een burgerbegroting?"])).toBe("Wat is een burgerbegroting? En hoe werkt dat?");
    expect(withContext("Wat is Vereniging Dwarsverband?", ["Wat is een burgerbegroting?"])).toBe("Wat is Vereniging Dwarsverband?");
    expect(withContext("En hoe werkt dat?", [])).toBe("En hoe werkt dat?");
  });
});

describe("follow-up: only a question that cannot stand alone", () => {
  it.each([
    ["Wie betaalt het onderhoud van het speeltuintje?", false],
    ["Hoe werkt die regeling voor zonnepanelen op de school?", false],
    ["Wat kost dat ongeveer?", true],
    ["Hoe vinden we daar vrijwilligers voor?", true],
    ["En in een kleiner dorp?", true],
  ])("given %j, then follow-up is %s", (question, expected) => {
    expect(isFollowUp(question)).toBe(expected);
  });
});
