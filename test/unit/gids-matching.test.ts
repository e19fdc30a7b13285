import { afterAll, describe, expect, it } from "vitest";
import { loadGidsVocabulary } from "../../src/app/gids-vocabulary.js";
import { askerOf, listFromGids, suggestionsFor } from "../../src/core/gids/gids-answers.js";
import { asksTheGids } from "../../src/core/gids/asks-the-gids.js";
import type { ProfileDraft } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import { participleStems } from "../../src/core/gids/participles.js";
import { stemDutch } from "../../src/core/text/stem.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";
import { STARTER_KNOWLEDGE } from "../helpers/temp-knowledge.js";

const BY = { platform: "beheer", userId: "test" };
const contact = (name: string, slack: string, contactable = true) => ({ name, handles: { slack }, contactable });
const profile = (over: Partial<ProfileDraft> & { name: string }): ProfileDraft => ({
  themes: [], description: "", experience: "", seeking: "", contacts: [contact("Iemand", `U${over.name.length}${over.name.slice(0, 3)}`)], ...over,
});

/** A small gids of its own for these tests (the matching check has its own, written independently). */
const PROFILES: ProfileDraft[] = [
  profile({ name: "Dorpshuis De Schakel", place: "Lopik", municipality: "Lopik", province: "Utrecht", themes: ["vervoer", "dorpshuis"], experience: "buurtbus sinds 2019; vrijwillige chauffeurs werven", description: "Dorpshuis met een eigen buurtbus voor ouderen." }),
  profile({ name: "Buurtbus Hollandscheveld", place: "Hollandscheveld", municipality: "Hoogeveen", province: "Drenthe", themes: ["vervoer"], experience: "buurtbus met vrijwilligers; ritten plannen", description: "Wij rijden met een buurtbus door het veen." }),
  profile({ name: "Energiecoöperatie Zeewolde Zon", place: "Zeewolde", municipality: "Zeewolde", province: "Flevoland", themes: ["energie"], experience: "zonnepanelen op het dak van de sporthal; postcoderoos; leden werven", description: "Coöperatie voor zonne-energie." }),
  profile({ name: "Windcollectief Noordpolder", place: "Luttelgeest", municipality: "Noordoostpolder", province: "Flevoland", themes: ["energie"], experience: "windmolen met inwoners als eigenaar; vergunning windturbine", description: "Samen eigenaar van een windmolen." }),
  profile({ name: "Burgerbegroting Oosterwolde", place: "Oosterwolde", municipality: "Ooststellingwerf", province: "Friesland", themes: ["democratie"], experience: "burgerbegroting: inwoners verdelen het dorpsbudget; stemmen via loting en een avond", description: "Inwoners beslissen mee over geld van de gemeente." }),
  profile({ name: "Repair Café Elst", place: "Elst", municipality: "Rhenen", province: "Utrecht", themes: ["repair"], experience: "repair café elke maand; kapotte apparaten en fietsen repareren", description: "Samen repareren in plaats van weggooien." }),
  profile({ name: "Zorgcoöperatie Hart van Werkhoven", place: "Werkhoven", municipality: "Bunnik", province: "Utrecht", themes: ["zorg", "ouderen"], experience: "dorpsondersteuner in dienst; mantelzorgers ondersteunen", description: "Zorg voor ouderen in het dorp." }),
  profile({ name: "Moestuin De Vlinder", place: "Urk", municipality: "Urk", province: "Flevoland", themes: ["voedsel", "natuur"], experience: "moestuin voor de voedselbank", description: "Groente verbouwen met buren." }),
  // Not to be suggested: nobody may be contacted, or it is a suggestion from a document.
  profile({ name: "Dorpsbus Geheim", place: "Benschop", municipality: "Lopik", province: "Utrecht", themes: ["vervoer"], experience: "buurtbus sinds 2010", contacts: [contact("Niemand", "UNONE", false)] }),
  profile({ name: "Buurtbus Zonder Contact", place: "Jaarsveld", municipality: "Lopik", province: "Utrecht", themes: ["vervoer"], experience: "buurtbus met elektrische aandrijving", contacts: [] }),
  profile({ name: "Twentse Noabers", themes: [], status: "suggested", suggestedFrom: "verslag.txt", contacts: [], experience: "buurtbus en noaberschap" }),
];

describe("initiatievengids: matching with the documents' Dutch analysis", () => {
  const db = openDatabase(":memory:");
  const directory = new SqliteInitiativeDirectory(db);
  for (const p of PROFILES) directory.save(p, BY);
  const matcher = new GidsMatcher(directory, loadGidsVocabulary(STARTER_KNOWLEDGE));
  const ids = (question: string, options = {}) => matcher.match(question, options).map((m) => m.initiative.id);
  afterAll(() => db.close());

  it("given a question about a buurtbus, then the bus initiatives come first and say why", () => {
    const matches = matcher.match("Hoe beginnen we een buurtbus in ons dorp?");
    expect(matches.map((m) => m.initiative.id).slice(0, 2).sort()).toEqual(["buurtbus-hollandscheveld", "dorpshuis-de-schakel-lopik"].sort());
    expect(matches.find((m) => m.initiative.id === "dorpshuis-de-schakel-lopik")!.because).toBe("buurtbus sinds 2019");
  });

  it("given the asker's region, then an initiative there goes first among comparable ones", () => {
    expect(ids("Hoe beginnen we een buurtbus?", { region: "Hoogeveen" })[0]).toBe("buurtbus-hollandscheveld");
    expect(ids("Hoe beginnen we een buurtbus?", { region: "Utrecht" })[0]).toBe("dorpshuis-de-schakel-lopik");
  });

  it("given the asker's own initiative, then it is never suggested to them", () => {
    expect(ids("Hoe beginnen we een buurtbus?", { exclude: ["dorpshuis-de-schakel-lopik"] })).not.toContain("dorpshuis-de-schakel-lopik");
  });

  it("given profiles nobody may contact, without contacts, or only suggested, then they are never suggested", () => {
    const all = ids("buurtbus sinds 2010 elektrische aandrijving noaberschap", { limit: 20 });
    expect(all).not.toContain("dorpsbus-geheim-benschop");
    expect(all).not.toContain("buurtbus-zonder-contact-jaarsveld");
    expect(all).not.toContain("twentse-noabers");
  });

  it("given a question nothing in the gids fits, then nothing is suggested", () => {
    expect(ids("Hoe organiseren we een braderie met kermis?")).toEqual([]);
    expect(ids("Wat kost een notaris voor de statuten van een vereniging?")).toEqual([]);
  });

  it("given other words for the same thing, then synonyms, compounds, English and typos still find it", () => {
    expect(ids("Hoe zetten we een dorpsbudget op waar inwoners over stemmen?")[0]).toBe("burgerbegroting-oosterwolde");
    expect(ids("We willen zonnedaken op de sporthal, hoe regelen jullie de postcoderoosregeling?")[0]).toBe("energiecooperatie-zeewolde-zon");
    expect(ids("Wie heeft ervaring met een burgerbegrooting?")[0]).toBe("burgerbegroting-oosterwolde");
    expect(ids("How did others set up a repair cafe for broken bikes?")[0]).toBe("repair-cafe-elst");
    expect(ids("Onze mantelzorgondersteuning loopt vast, wie heeft een dorpsondersteuner?")[0]).toBe("zorgcooperatie-hart-van-werkhoven");
  });

  it("given a participle, then it also stands for its verb, as the stemmer cannot see", () => {
    expect(participleStems("opgericht")).toContain(stemDutch("oprichten"));
    expect(participleStems("gestart")).toContain(stemDutch("starten"));
    expect(participleStems("geregeld")).toContain(stemDutch("regelen"));
    expect(participleStems("aangelegd")).toContain(stemDutch("aanleggen"));
    expect(participleStems("gezond")).not.toContain("zon");
    expect(participleStems("gemeente")).toEqual([]);
  });

  it("given a changed gids, then the next match sees it (the index is rebuilt on change)", () => {
    expect(ids("Hoe organiseren we een toneelvoorstelling?")).toEqual([]);
    directory.save(profile({ name: "Toneelclub Het Podium", place: "Vollenhove", themes: ["cultuur"], experience: "toneelvoorstelling met dorpsgenoten elk voorjaar" }), BY);
    expect(ids("Hoe organiseren we een toneelvoorstelling?")).toEqual(["toneelclub-het-podium-vollenhove"]);
  });

  it("given direct questions to the gids, then they are recognised from their phrasing, in Dutch and English", () => {
    for (const q of ["Welke initiatieven in Zeewolde doen iets met energie?", "wie heeft ervaring met een burgerbegroting?", "Zijn er dorpshuizen in Lopik?",
      "Ken je een groep die een moestuin heeft?", "Wie doet er iets met eenzaamheid?", "Which initiatives work on energy in Flevoland?", "Who has experience with a repair cafe?"]) {
      expect(asksTheGids(q), q).toBe(true);
    }
    for (const q of ["Welke subsidies zijn er voor dorpshuizen?", "Hoe houden we vrijwilligers vast?", "Wat is een burgerbegroting?", "Wie is de voorzitter van de dorpsraad?"]) {
      expect(asksTheGids(q), q).toBe(false);
    }
  });

  it("given a direct question naming a region, then only that region's fitting initiatives are listed, with place and experience", () => {
    const gids = { matcher, ownOf: () => [] };
    const asker = (q: string) => askerOf(gids, { platform: "web", userId: "w1" }, q);
    const q1 = "Welke initiatieven in Flevoland doen iets met energie?";
    expect(listFromGids(gids, q1, asker(q1))!.map((s) => s.id).sort()).toEqual(["energiecooperatie-zeewolde-zon", "windcollectief-noordpolder-luttelgeest"]);
    const q2 = "Welke initiatieven zijn er in Lopik?";
    expect(listFromGids(gids, q2, asker(q2))!.map((s) => s.id)).toEqual(["dorpshuis-de-schakel-lopik"]);
    const q3 = "wie heeft ervaring met een burgerbegroting?";
    expect(listFromGids(gids, q3, asker(q3))![0]).toMatchObject({ id: "burgerbegroting-oosterwolde", municipality: "Ooststellingwerf" });
    expect(listFromGids(gids, "Hoe houden we vrijwilligers vast?", asker(""))).toBeUndefined();
  });

  it("given a direct question about a region where only an initiative nobody may contact sits, then none is listed or suggested from elsewhere", () => {
    const gids = { matcher, ownOf: () => [] };
    const asker = (q: string) => askerOf(gids, { platform: "web", userId: "w1" }, q);
    const q1 = "Welke initiatieven in Benschop doen iets met een buurtbus?";
    expect(listFromGids(gids, q1, asker(q1))).toEqual([]);
    expect(suggestionsFor(gids, q1, asker(q1))).toEqual([]);
    // A place outside the sentence that asks the gids is where the asker is, not a limit on the answer.
    const q2 = "Wij wonen in Benschop en de bus rijdt niet meer. Wie heeft ervaring met een buurtbus?";
    expect(listFromGids(gids, q2, asker(q2))!.map((s) => s.id).sort()).toEqual(["buurtbus-hollandscheveld", "dorpshuis-de-schakel-lopik"]);
  });

  it("given an asker who is a contact of an initiative, then their region comes from it and it is left out", () => {
    const gids = { matcher, ownOf: (u: { platform: string; userId: string }) => directory.ofMember(u) };
    const member = directory.get("buurtbus-hollandscheveld")!.contacts[0]!.handles.slack!;
    const asker = askerOf(gids, { platform: "slack", userId: member }, "Hoe werven we chauffeurs voor de buurtbus?");
    expect(asker).toMatchObject({ region: "Hoogeveen", own: ["buurtbus-hollandscheveld"] });
    const suggested = suggestionsFor(gids, "Hoe werven we chauffeurs voor de buurtbus?", asker).map((s) => s.id);
    expect(suggested[0]).toBe("dorpshuis-de-schakel-lopik");
    expect(suggested).not.toContain("buurtbus-hollandscheveld");
  });
});
