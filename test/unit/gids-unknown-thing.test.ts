import { describe, expect, it } from "vitest";
import { coinedCompoundParts } from "../../src/core/gids/coined-compound.js";
import type { InitiativeProfile } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import { SUGGEST_MODEL } from "../../src/core/gids/suggest-model.js";

/** A small word list of our own: a coined compound is off it as a whole, its parts are on it. */
const WORDS = new Set(["schaats", "baan", "kind", "opvang", "eenden", "voer", "plek", "glij", "glijbaan", "ouderen", "oud"]);
const knows = (w: string) => WORDS.has(w);

const profile = (id: string, over: Partial<InitiativeProfile>): InitiativeProfile => ({
  id, name: id, themes: [], description: "", experience: "", seeking: "", status: "published",
  contacts: [{ name: "Iemand", handles: { slack: `U${id}` }, contactable: true }], ...over,
} as unknown as InitiativeProfile);

describe("initiatievengids: a short question about a thing the gids does not know", () => {
  it("given a compound off the word list made of words on it, then its parts (also after -er-, and of three parts)", () => {
    expect(coinedCompoundParts("schaatsbaan", knows)).toEqual(["schaats", "baan"]);
    expect(coinedCompoundParts("kinderopvang", knows)).toEqual(["kind", "opvang"]);
    expect(coinedCompoundParts("eendenvoerplek", knows)).toEqual(["eenden", "voer", "plek"]);
  });

  it("given a word the list knows whole, or one that splits into no known words, then no coined compound", () => {
    // "ouderen" is no oud+eren, "glijbaan" is a word of its own: the list has them.
    expect(coinedCompoundParts("ouderen", knows)).toEqual([]);
    expect(coinedCompoundParts("glijbaan", knows)).toEqual([]);
    expect(coinedCompoundParts("vrijwiligers", knows)).toEqual([]);
  });

  it("given a short question naming a compound no profile holds in any form, then nothing, though a profile holds its side word; given a thing it holds, then that profile", () => {
    const profiles = [
      profile("speeltuin", { themes: ["spelen"], experience: "een speeltuin aanleggen met de buurt; speeltoestellen laten keuren", description: "Wij zijn ouders uit de straat." }),
      profile("belbus", { themes: ["vervoer"], experience: "een belbus met vrijwillige chauffeurs; ritten plannen", description: "Wij rijden mensen rond." }),
    ];
    const matcher = new GidsMatcher({ list: () => profiles }, undefined, undefined, SUGGEST_MODEL);
    const ids = (q: string) => matcher.match(q).map((m) => m.initiative.id);
    expect(ids("Wie heeft ervaring met het aanleggen van een egeltunnel?")).toEqual([]);
    expect(ids("Wie heeft ervaring met het aanleggen van een speeltuin?")).toEqual(["speeltuin"]);
    // A plain word no profile holds ("ouderen") is no such thing: the question is about the belbus.
    expect(ids("Hoe starten we een belbus voor ouderen?")).toEqual(["belbus"]);
  });

  it("given a direct question after its context, whose asking part names a compound no profile holds, then nothing; given a thing it holds, then that profile", () => {
    const profiles = [
      profile("speeltuin", { themes: ["spelen"], experience: "een speeltuin aanleggen met de buurt; speeltoestellen laten keuren", description: "Wij zijn ouders uit de straat." }),
      profile("belbus", { themes: ["vervoer"], experience: "een belbus met vrijwillige chauffeurs; ritten plannen", description: "Wij rijden mensen rond." }),
    ];
    const matcher = new GidsMatcher({ list: () => profiles }, undefined, undefined, SUGGEST_MODEL);
    const ids = (q: string) => matcher.match(q).map((m) => m.initiative.id);
    const context = "Bij ons in de straat wonen veel gezinnen met jonge kinderen en de buren willen samen iets aanleggen op het grasveld achter de school.";
    expect(ids(`${context} Wie heeft ervaring met het aanleggen van een egeltunnel?`)).toEqual([]);
    expect(ids(`${context} Wie heeft ervaring met het aanleggen van een speeltuin?`)).toEqual(["speeltuin"]);
  });
});
