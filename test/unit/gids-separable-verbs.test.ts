import { describe, expect, it } from "vitest";
import type { InitiativeProfile } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import { rejoinSeparableVerbs } from "../../src/core/gids/separable-verbs.js";
import { stemDutch } from "../../src/core/text/stem.js";

const KNOWN = new Set(["opleiden", "oprichten", "bijhouden", "opzetten", "inkopen"].map(stemDutch));
const isKnown = (stem: string) => KNOWN.has(stem);
const stems = (text: string) => rejoinSeparableVerbs(text, isKnown).split(/[^\p{L}]+/u).filter(Boolean).map((w) => stemDutch(w.toLowerCase()));

const profile = (id: string, experience: string, themes: string[] = []): InitiativeProfile => ({
  id, name: id, themes, description: "", experience, seeking: "", status: "published",
  contacts: [{ name: "Iemand", handles: { slack: `U${id}` }, contactable: true }],
} as unknown as InitiativeProfile);

describe("initiatievengids: separable verbs joined again", () => {
  it("given a particle at the end of its clause, then it is joined to the verb before it", () => {
    expect(stems("Wie leidt er ook vrijwilligers op?")).toContain(stemDutch("opleiden"));
    expect(stems("Wie leidt er ook vrijwilligers op?")).not.toContain("op");
    expect(stems("Hoe zet je een middag op waar buren helpen?")).toContain(stemDutch("opzetten"));
  });

  it("given a particle before te and a verb, then the three are one verb", () => {
    expect(stems("genoeg geld om een coöperatie op te richten")).toContain(stemDutch("oprichten"));
    expect(stems("een systeem om de hulpvragen bij te houden")).toContain(stemDutch("bijhouden"));
  });

  it("given a particle that is a preposition, a function word before it, or a verb the caller does not know, then the text stays as it is", () => {
    for (const text of ["We nemen het op met de gemeente.", "Wat zit er in?", "Er zit nog een asbestdak op.", "Onze dokter gaat met pensioen en er komt niemand voor terug."]) {
      expect(rejoinSeparableVerbs(text, isKnown)).toBe(text);
    }
  });

  it("given a split verb in a question, then it meets the profile that writes it whole", () => {
    const profiles = [
      profile("energie-a", "energiecoaches opleiden; warmtescans in de winter", ["energie"]),
      profile("zorg-b", "vrijwilligers die bij mensen thuis komen; hulpvragen koppelen", ["zorg"]),
    ];
    const matcher = new GidsMatcher({ list: () => profiles });
    // "leidt" alone is in no profile: only the joined verb meets one.
    expect(matcher.candidates("Wie leidt er mensen op?").candidates.map((c) => c.profile.id)).toEqual(["energie-a"]);
  });

  it("given a clause of thousands of words without a comma (a hostile message), then each particle looks at the words just before it, not the whole clause", () => {
    const words = ["wij", "zetten", "het", "plan", "op", "en", "de", "buurt", "doet", "mee", "aan", "feest"];
    const text = Array.from({ length: 7_000 }, (_, i) => words[(i * 7) % words.length]).join(" ");
    let asked = 0;
    rejoinSeparableVerbs(text, () => (asked++, false));
    // Every particle before "en" ends a clause: 7 000 words hold about 580 of them; the whole clause would be
    // looked through for each (millions of look-ups), its sixteen words before it at most 6 forms each.
    expect(asked).toBeLessThan(600 * 16 * 6);
    expect(stems("Hoe zet je met de bewoners van de hele straat een feest op?")).toContain(stemDutch("opzetten"));
  });
});
