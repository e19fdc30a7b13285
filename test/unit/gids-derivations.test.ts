import { describe, expect, it } from "vitest";
import { derivationStems, derivedVerbs } from "../../src/core/gids/derivations.js";
import type { InitiativeProfile } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import { stemDutch } from "../../src/core/text/stem.js";

/** A small word list of our own: the rules must make a verb it knows, or nothing. */
const WORDS = new Set(["beheren", "ontwikkelen", "organiseren", "coördineren", "coordineren", "reanimeren", "stemmen", "leren", "rijden", "bezorgen", "project", "dorp"]);
const knows = (w: string) => WORDS.has(w);

const profile = (id: string, experience: string, themes: string[] = []): InitiativeProfile => ({
  id, name: id, themes, description: "", experience, seeking: "", status: "published",
  contacts: [{ name: "Iemand", handles: { slack: `U${id}` }, contactable: true }],
} as unknown as InitiativeProfile);

describe("initiatievengids: nouns made from verbs", () => {
  it("given a noun of the one who does it or of the doing, then the verb it is made from", () => {
    expect(derivedVerbs("beheerder", knows)).toEqual(["beheren"]);
    expect(derivedVerbs("ontwikkelaar", knows)).toEqual(["ontwikkelen"]);
    expect(derivedVerbs("organisatie", knows)).toEqual(["organiseren"]);
    expect(derivedVerbs("organisator", knows)).toEqual(["organiseren"]);
    expect(derivedVerbs("reanimatie", knows)).toEqual(["reanimeren"]);
    expect(derivedVerbs("stemming", knows)).toEqual(["stemmen"]);
    expect(derivedVerbs("leraar", knows)).toEqual(["leren"]);
    expect(derivedVerbs("rijder", knows)).toEqual(["rijden"]);
  });

  it("given a word the rules would turn into no known verb, or a short one, then nothing", () => {
    expect(derivedVerbs("water", knows)).toEqual([]);
    expect(derivedVerbs("winter", knows)).toEqual([]);
    expect(derivedVerbs("vrijwilliger", knows)).toEqual([]);
    expect(derivedVerbs("ring", knows)).toEqual([]);
  });

  it("given a compound, then the verb of its last part, only after a part that is a word", () => {
    expect(derivationStems("projectontwikkelaar", knows)).toEqual([stemDutch("ontwikkelen")]);
    expect(derivationStems("dorpsbezorger", knows)).toEqual([stemDutch("bezorgen")]);
    expect(derivationStems("xyzwbeheerder", knows)).toEqual([]);
  });

  it("given a verb in the question and the noun in a profile (and the other way round), then they meet", () => {
    const profiles = [
      profile("aed-a", "vijf AED's opgehangen; reanimatie voor inwoners", ["veiligheid"]),
      profile("wonen-b", "woningen ontwikkelen samen met de gemeente", ["wonen"]),
      profile("feest-c", "dorpsfeest met muziek en kermis", ["cultuur"]),
    ];
    const matcher = new GidsMatcher({ list: () => profiles });
    const ids = (q: string) => matcher.candidates(q).candidates.map((c) => c.profile.id);
    expect(ids("Wie kan ons leren reanimeren?")[0]).toBe("aed-a");
    expect(ids("De projectontwikkelaar doet niks, wie heeft dat zelf opgepakt?")[0]).toBe("wonen-b");
  });
});
