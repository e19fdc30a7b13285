import { describe, expect, it } from "vitest";
import { diminutiveBase, headsOf, knownHead } from "../../src/core/gids/compound-heads.js";
import type { InitiativeProfile } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import { stemDutch } from "../../src/core/text/stem.js";

const WORDS = new Set(["wijk", "buurt", "zorg", "dorp", "streek", "kapi", "haal", "warmte", "sport"].map(stemDutch));
const isWord = (stem: string) => WORDS.has(stem);

const profile = (id: string, experience: string, themes: string[] = []): InitiativeProfile => ({
  id, name: id, themes, description: "", experience, seeking: "", status: "published",
  contacts: [{ name: "Iemand", handles: { slack: `U${id}` }, contactable: true }],
} as unknown as InitiativeProfile);

describe("initiatievengids: heads of Dutch compounds", () => {
  it("given a profile's compound, then its heads are the last parts after a word, not endings or verb particles", () => {
    expect(headsOf(stemDutch("wijkverpleging"), isWord)).toContain(stemDutch("verpleging"));
    expect(headsOf(stemDutch("buurtbus"), isWord)).toContain("bus");
    expect(headsOf(stemDutch("haalbaar"), isWord)).not.toContain("bar");
    expect(headsOf(stemDutch("overnemen"), () => true)).not.toContain(stemDutch("nemen"));
  });

  it("given a diminutive, then its base word", () => {
    expect(diminutiveBase("winkeltje")).toBe("winkel");
    expect(diminutiveBase("stukjes")).toBe("stuk");
    expect(diminutiveBase("boompje")).toBe("boom");
    expect(diminutiveBase("balletje")).toBe("bal");
    expect(diminutiveBase("fiets")).toBeUndefined();
  });

  it("given a typed compound the gids lacks, then its head only when the first part is a word", () => {
    const known = new Set(["bus", "ter", "tal", stemDutch("pomp")]);
    const isHead = (s: string) => known.has(s);
    expect(knownHead("streekbus", isHead, isWord)).toBe("bus");
    expect(knownHead("warmtepomp", isHead, isWord)).toBe(stemDutch("pomp"));
    expect(knownHead("kapitaal", isHead, isWord)).toBeUndefined();
    expect(knownHead("solliciteer", isHead, isWord)).toBeUndefined();
  });

  it("given questions in other compounds than the profiles', then the matcher meets them through the heads", () => {
    const profiles = [
      profile("thuiszorg-a", "wijkverpleging en huishoudelijke hulp met eigen medewerkers in de wijk", ["zorg"]),
      profile("winkel-b", "een winkel voor de buurt met vrijwilligers, ledenlening voor de inrichting", ["voorzieningen"]),
      profile("sport-c", "kantine en velden onderhouden", ["sport"]),
    ];
    const matcher = new GidsMatcher({ list: () => profiles });
    // The mechanism, apart from the choice whether to suggest at all: the best candidate.
    const ids = (q: string) => matcher.candidates(q).candidates.map((c) => c.profile.id);
    expect(ids("Wie regelt verpleging bij mensen thuis?")[0]).toBe("thuiszorg-a");
    expect(ids("Kunnen we samen een buurtwinkeltje openhouden?")[0]).toBe("winkel-b");
  });
});
