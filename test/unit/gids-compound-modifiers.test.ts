import { describe, expect, it } from "vitest";
import { compoundModifiers } from "../../src/core/gids/compound-modifiers.js";
import type { InitiativeProfile } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import { stemDutch } from "../../src/core/text/stem.js";

/** A small word list of our own: both parts of a compound must be on it. */
const WORDS = new Set(["koel", "kast", "veiligheid", "plan", "bos", "wachter", "reanimatie", "reanimeren", "cursussen", "zekering", "ver", "huis"]);
const knows = (w: string) => WORDS.has(w);

const profile = (id: string, experience: string, themes: string[] = []): InitiativeProfile => ({
  id, name: id, themes, description: "", experience, seeking: "", status: "published",
  contacts: [{ name: "Iemand", handles: { slack: `U${id}` }, contactable: true }],
} as unknown as InitiativeProfile);

describe("initiatievengids: the first part of a compound", () => {
  it("given a compound of two words, then its first part (after a linking -s-), and the verb behind it", () => {
    expect(compoundModifiers("koelkast", knows)).toEqual([stemDutch("koel")]);
    expect(compoundModifiers("veiligheidsplan", knows)).toEqual([stemDutch("veiligheid")]);
    expect(compoundModifiers("boswachter", knows)).toEqual(["bos"]);
    expect(compoundModifiers("reanimatiecursussen", knows)).toContain(stemDutch("reanimeren"));
  });

  it("given a word made with a prefix, or no compound, then no first part", () => {
    expect(compoundModifiers("verzekering", knows)).toEqual([]);
    expect(compoundModifiers("wachter", knows)).toEqual([]);
    expect(compoundModifiers("huisje", knows)).toEqual([]);
  });

  it("given a question word that is the first part of a profile's compound, then that profile holds it (less than the word itself)", () => {
    const profiles = [
      profile("kast-a", "weggeefkast met koelkast bij de kerk; houdbaarheid bewaken", ["voedsel"]),
      profile("feest-b", "dorpsfeest met muziek; evenementenvergunning en veiligheidsplan", ["cultuur"]),
      profile("natuur-c", "natuurwerkdagen met de boswachter", ["natuur"]),
    ];
    const matcher = new GidsMatcher({ list: () => profiles });
    const best = (q: string) => matcher.candidates(q).candidates[0];
    expect(best("Hoe regel je het koelen van eten dat mensen mogen meenemen?")?.profile.id).toBe("kast-a");
    expect(best("Wat moet je regelen voor de veiligheid bij een zomerfeest?")?.profile.id).toBe("feest-b");
    expect(best("Wie werkt mee aan het onderhoud van het bos?")?.profile.id).toBe("natuur-c");
    // The word itself weighs more than the first part of a compound.
    const both = new GidsMatcher({ list: () => [...profiles, profile("markt-d", "een markt met koel drinken op het plein", ["ontmoeting"])] });
    const held = both.candidates("Wie houdt het koel?").candidates;
    expect(held.map((c) => c.profile.id)).toEqual(["markt-d", "kast-a"]);
    expect(held[1]!.mass).toBeLessThan(held[0]!.mass / 2);
  });

  it("given a profile's compound spelled with diacritics, then it splits as the word list spells it (taalcafé, not taalcafe)", () => {
    const profiles = [
      profile("praat-e", "elke week een taalcafé in de bieb voor nieuwkomers", ["ontmoeting"]),
      profile("zorg-f", "een zorgcoöperatie opgericht met het dorp", ["zorg"]),
      profile("bus-g", "buurtbus met vrijwillige chauffeurs", ["vervoer"]),
    ];
    const matcher = new GidsMatcher({ list: () => profiles });
    expect(matcher.candidates("Wie doet er iets met taal?").candidates.map((c) => c.profile.id)).toEqual(["praat-e"]);
    expect(matcher.candidates("Wie weet iets van zorg?").candidates.map((c) => c.profile.id)).toContain("zorg-f");
  });
});
