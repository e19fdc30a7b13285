import { afterAll, describe, expect, it } from "vitest";
import { loadGidsVocabulary } from "../../src/app/gids-vocabulary.js";
import type { ProfileDraft } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import { analyzeQuery } from "../../src/core/text/analyzer.js";
import { stemDutch } from "../../src/core/text/stem.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";
import { STARTER_KNOWLEDGE } from "../helpers/temp-knowledge.js";

/** The second round of gids-woorden.txt: everyday and regional words for what initiatives do. */
describe("initiatievengids: everyday words in the shipped gids-woorden.txt", () => {
  const vocabulary = loadGidsVocabulary(STARTER_KNOWLEDGE);
  const leads = (question: string) => {
    const stems = analyzeQuery(question).terms.map((t) => t.term);
    return vocabulary.expand(question, stems, "nl").map((e) => e.term);
  };

  it("given a plain or regional word for an activity or a problem, then it reaches the theme an initiative writes", () => {
    expect(leads("Er staat een klimrek en een zandbak bij ons")).toContain(stemDutch("speeltuin"));
    expect(leads("Mijn straalkachel staat de hele dag aan")).toContain(stemDutch("energie"));
    expect(leads("Moet er glaswol in de kruipruimte?")).toContain(stemDutch("isolatie"));
    expect(leads("Wie plukt de pruimen en rabarber?")).toContain(stemDutch("voedsel"));
    expect(leads("Mijn vader is verward en raakt dingen kwijt")).toContain(stemDutch("dementie"));
    expect(leads("Wie kan een lekkende kraan maken bij een oudere?")).toContain(stemDutch("klussendienst"));
    expect(leads("Mijn rits en zolen: waar is een schoenmaker?")).toContain(stemDutch("repair"));
    expect(leads("We kienen en rikken op vrijdag")).toContain(stemDutch("ontmoeting"));
    expect(leads("Elk jaar gaat de schutterij rond")).toContain(stemDutch("erfgoed"));
    expect(leads("Hij heeft een flitskrediet afgesloten")).toContain(stemDutch("schulden"));
    expect(leads("Een telefoonmaatje voor mijn opa")).toContain(stemDutch("eenzaamheid"));
    expect(leads("Zwerfvuil en peuken langs de sloot")).toContain(stemDutch("afval"));
  });

  it("given a word of a phrase on its own, then it leads nowhere (all words of the phrase must be asked)", () => {
    // "koude vloer" and "lekkende kraan" are rules; "vloer" and "kraan" alone are not.
    expect(leads("Wie legt een nieuwe vloer in het dorpshuis?")).not.toContain(stemDutch("isolatie"));
    expect(leads("Een kraan op de bouwplaats")).not.toContain(stemDutch("klussendienst"));
    // Common words stay free of a theme: eating is not poverty, a house is not a housing shortage.
    expect(leads("Samen eten in het dorpshuis")).not.toContain(stemDutch("armoede"));
    expect(leads("Wie heeft een huis met een grote tuin?")).not.toContain(stemDutch("woningnood"));
  });

  describe("given a small gids, then an everyday question makes the initiative that writes it otherwise the best candidate", () => {
    const db = openDatabase(":memory:");
    const directory = new SqliteInitiativeDirectory(db);
    const BY = { platform: "beheer", userId: "test" };
    const profile = (name: string, themes: string[], experience: string): ProfileDraft => ({
      name, themes, description: "", experience, seeking: "", contacts: [{ name: "Iemand", handles: { slack: `U${name.length}` }, contactable: true }],
    });
    directory.save(profile("Speeltuinvereniging De Wipwap", ["spelen", "kinderen"], "speeltuin beheren met ouders; subsidie voor toestellen"), BY);
    directory.save(profile("Klussendienst Ons Dorp", ["burenhulp"], "klussendienst voor ouderen; vrijwilligers met gereedschap"), BY);
    directory.save(profile("Energiecoaches Noord", ["energie"], "energiecoach aan huis; isolatie en besparen"), BY);
    const matcher = new GidsMatcher(directory, loadGidsVocabulary(STARTER_KNOWLEDGE));
    const first = (question: string) => matcher.candidates(question).candidates[0]?.profile.name;
    afterAll(() => db.close());

    it("a klimrek and a trampoline go to the speeltuin, a dripping tap to the klussendienst, draughty windows and a heater to the energy coaches", () => {
      expect(first("Wie onderhoudt een klimrek en een trampoline?")).toBe("Speeltuinvereniging De Wipwap");
      expect(first("Mijn oude buurvrouw heeft een lekkende kraan")).toBe("Klussendienst Ons Dorp");
      expect(first("Tochtige ramen en een straalkachel, wat nu?")).toBe("Energiecoaches Noord");
    });
  });
});
