import { describe, expect, it } from "vitest";
import { hiddenFitsAskingPart } from "../../src/core/gids/hidden-rival.js";
import type { InitiativeProfile } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";

const profile = (id: string, over: Partial<InitiativeProfile>, contactable = true): InitiativeProfile => ({
  id, name: id, themes: [], description: "", experience: "", seeking: "", status: "published",
  contacts: [{ name: "Iemand", handles: { slack: `U${id}` }, contactable }], ...over,
} as unknown as InitiativeProfile);
const candidate = (id: string, mass: number, contactable = true) => ({ profile: { id }, mass, contactable });

describe("initiatievengids: an initiative nobody may contact that fits what the question asks", () => {
  it("given the asking part's best is hidden and holds as much of the whole question as the lead, then it fits in the lead's place", () => {
    const lead = candidate("dorpsraad", 3);
    expect(hiddenFitsAskingPart([lead, candidate("belbus", 3, false)], [candidate("belbus", 2, false), candidate("dorpsraad", 0.5)], lead)).toBe(true);
    // Less of the whole question, or the lead holding as much of the asking part, or a contactable best: no.
    expect(hiddenFitsAskingPart([lead, candidate("belbus", 2, false)], [candidate("belbus", 2, false), candidate("dorpsraad", 0.5)], lead)).toBe(false);
    expect(hiddenFitsAskingPart([lead, candidate("belbus", 3, false)], [candidate("belbus", 2, false), candidate("dorpsraad", 2)], lead)).toBe(false);
    expect(hiddenFitsAskingPart([lead, candidate("belbus", 3)], [candidate("belbus", 2), candidate("dorpsraad", 0.5)], lead)).toBe(false);
    expect(hiddenFitsAskingPart([lead], undefined, lead)).toBe(false);
  });

  it("given a question whose context a contactable profile shares and whose asking part a hidden one holds, then nothing; given the hidden one may be contacted, then it", () => {
    const gids = (contactable: boolean) => [
      profile("belbus", { themes: ["vervoer"], experience: "ouderen naar de huisarts rijden met een belbus; vrijwillige chauffeurs", description: "Wij rijden." }, contactable),
      profile("dorpsraad", { themes: ["leefbaarheid"], experience: "de gemeente overtuigd na het opheffen van de buslijn; een dorpsvisie met bewoners", description: "De dorpsraad." }),
      profile("repair", { themes: ["repair"], experience: "kapotte fietsen maken", description: "Samen." }),
      profile("tuin", { themes: ["groen"], experience: "een moestuin met de school", description: "Tuinieren." }),
    ];
    const question = "Na het opheffen van de buslijn is de gemeente nergens. Wie rijdt ouderen met een belbus naar de huisarts?";
    const ids = (contactable: boolean) => new GidsMatcher({ list: () => gids(contactable) }).match(question).map((m) => m.initiative.id);
    expect(ids(false)).toEqual([]);
    expect(ids(true)[0]).toBe("belbus");
  });
});
