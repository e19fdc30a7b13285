import { afterAll, describe, expect, it } from "vitest";
import { loadGidsVocabulary } from "../../src/app/gids-vocabulary.js";
import type { ProfileDraft } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";
import { STARTER_KNOWLEDGE } from "../helpers/temp-knowledge.js";

const BY = { platform: "beheer", userId: "test" };
const profile = (name: string, over: Partial<ProfileDraft>, contactable = true): ProfileDraft => ({
  name, themes: [], description: "", experience: "", seeking: "", contacts: [{ name: "Iemand", handles: { slack: `U${name.length}${name.slice(0, 4).toUpperCase()}` }, contactable }], ...over,
});

/** A gids whose best fit for a heat-network question is an initiative nobody may contact. */
const GIDS: ProfileDraft[] = [
  profile("Warmtecoöperatie Ootmarsum", { place: "Ootmarsum", themes: ["energie", "warmte"], experience: "warmtenet met restwarmte van de zuivelfabriek; haalbaarheidsstudie laten doen; huishoudens aansluiten", description: "Wij verwarmen het stadje samen." }, false),
  profile("Zon op het Dak Markelo", { place: "Markelo", themes: ["energie"], experience: "zonnepanelen op het dak van de sporthal; leden werven", description: "Coöperatie voor zonnestroom." }),
  profile("Repair Café Borne", { place: "Borne", themes: ["repair"], experience: "kapotte apparaten repareren; elke maand", description: "Samen repareren." }),
  profile("Buurtbus Delden", { place: "Delden", themes: ["vervoer"], experience: "buurtbus met vrijwillige chauffeurs", description: "Wij rijden met een buurtbus." }),
  profile("Dorpshuis Bentelo", { place: "Bentelo", themes: ["dorpshuis"], experience: "dorpshuis van de gemeente overgenomen; haalbaarheidsstudie voor de verbouwing laten doen", description: "Ons dorpshuis." }),
];
const QUESTION = "Wie heeft een warmtenet met restwarmte aangelegd en eerst een haalbaarheidsstudie laten doen?";

describe("initiatievengids: an initiative nobody may contact still counts as what fits best", () => {
  const dbs: Array<ReturnType<typeof openDatabase>> = [];
  const matcherOf = (profiles: ProfileDraft[]) => {
    const db = openDatabase(":memory:");
    dbs.push(db);
    const directory = new SqliteInitiativeDirectory(db);
    for (const p of profiles) directory.save(p, BY);
    return new GidsMatcher(directory, loadGidsVocabulary(STARTER_KNOWLEDGE));
  };
  afterAll(() => dbs.forEach((db) => db.close()));

  it("given the best fit may not be contacted, then no weaker initiative is offered in its place, and it is never shown", () => {
    const matcher = matcherOf(GIDS);
    expect(matcher.match(QUESTION)).toEqual([]);
    const { candidates, lead } = matcher.judged(QUESTION);
    expect(candidates[0]!.profile.name).toBe("Warmtecoöperatie Ootmarsum");
    expect(candidates[0]!.contactable).toBe(false);
    expect(lead?.profile.name).not.toBe("Warmtecoöperatie Ootmarsum");
    expect(matcher.suggestable().map((p) => p.name)).not.toContain("Warmtecoöperatie Ootmarsum");
  });

  it("given the same initiative may be contacted, then it is suggested for that question", () => {
    const open = GIDS.map((p, i) => (i === 0 ? { ...p, contacts: [{ ...p.contacts[0]!, contactable: true }] } : p));
    expect(matcherOf(open).match(QUESTION).map((m) => m.initiative.name)).toEqual(["Warmtecoöperatie Ootmarsum"]);
  });

  it("given another initiative that has done nearly the same and may be contacted, then that one is suggested", () => {
    const matcher = matcherOf([...GIDS, profile("Warmtenet Weerselo", { place: "Weerselo", themes: ["energie"], experience: "warmtenet met restwarmte; haalbaarheidsstudie", description: "Een warmtenet voor het dorp." })]);
    expect(matcher.match(QUESTION).map((m) => m.initiative.name)).toEqual(["Warmtenet Weerselo"]);
  });

  it("given the best fit may not be contacted and another shares only the question's side words, then none is suggested", () => {
    const question = "De gemeente wil ons openluchtbad sluiten. Hoe hebben anderen het bad met vrijwilligers overgenomen en het toezicht geregeld?";
    const matcher = matcherOf([
      profile("Buitenbad Ulrum", { place: "Ulrum", themes: ["sport"], experience: "openluchtbad van de gemeente overgenomen; toezicht met badmeesters en vrijwilligers", description: "Ons bad." }, false),
      profile("Dorpshuis Bentelo", { place: "Bentelo", themes: ["dorpshuis"], experience: "dorpshuis van de gemeente overgenomen; vrijwilligers werven", description: "Ons dorpshuis." }),
      ...GIDS.slice(1, 4),
    ]);
    const { candidates, lead } = matcher.judged(question);
    expect(candidates[0]!.profile.name).toBe("Buitenbad Ulrum");
    expect(lead?.profile.name).toBe("Dorpshuis Bentelo");
    expect(lead!.mass).toBeGreaterThan(0.5 * candidates[0]!.mass);
    expect(matcher.match(question)).toEqual([]);
  });
});
