import { afterAll, describe, expect, it } from "vitest";
import { loadGidsVocabulary } from "../../src/app/gids-vocabulary.js";
import { askingPart, REFERRING_ASK, toldPart } from "../../src/core/gids/asking-part.js";
import type { ProfileDraft } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import type { SuggestModel } from "../../src/core/gids/suggest-model.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";
import { STARTER_KNOWLEDGE } from "../helpers/temp-knowledge.js";

const profile = (name: string, over: Partial<ProfileDraft>): ProfileDraft => ({
  name, themes: [], description: "", experience: "", seeking: "", contacts: [{ name: "Iemand", handles: { slack: `U${name.length}${name.slice(0, 4).toUpperCase()}` }, contactable: true }], ...over,
});

const GIDS: ProfileDraft[] = [
  profile("Buurtbus Delden", { place: "Delden", themes: ["vervoer"], experience: "buurtbus met vrijwillige chauffeurs; ritten naar de huisarts", description: "Wij rijden met een buurtbus." }),
  profile("Repair Café Borne", { place: "Borne", themes: ["repair"], experience: "kapotte apparaten repareren; elke maand", description: "Samen repareren." }),
  profile("Zon op het Dak Markelo", { place: "Markelo", themes: ["energie"], experience: "zonnepanelen op het dak van de sporthal; leden werven", description: "Coöperatie voor zonnestroom." }),
  profile("Dorpshuis Bentelo", { place: "Bentelo", themes: ["dorpshuis"], experience: "dorpshuis van de gemeente overgenomen; vrijwilligers werven", description: "Ons dorpshuis." }),
  profile("Moestuin Hengevelde", { place: "Hengevelde", themes: ["groen"], experience: "moestuin met de basisschool; groente kweken", description: "Een tuin voor iedereen." }),
  profile("Deelauto Goor", { place: "Goor", themes: ["mobiliteit"], experience: "een rooster per week; ledenvergadering", description: "Buren delen auto's en regelen de schade samen." }),
];

describe("initiatievengids: a question whose asking part only refers back to what it told", () => {
  it("given sentences that tell and one that asks, then the told part is the rest", () => {
    expect(toldPart("Er zit een deuk in een van onze deelauto's. Hoe gaan anderen daarmee om?")).toBe("Er zit een deuk in een van onze deelauto's.");
    expect(toldPart("Wij zijn energiecoaches in de Achterhoek. Wie doet nog meer iets tegen tocht? Wij horen het graag.")).toBe("Wij zijn energiecoaches in de Achterhoek. Wij horen het graag.");
    expect(toldPart("Wie heeft ervaring met een buurtbus?")).toBeUndefined();
    expect(toldPart("Wij willen een buurtbus. Het liefst met vrijwilligers.")).toBeUndefined();
  });

  describe("matching", () => {
    const dbs: Array<ReturnType<typeof openDatabase>> = [];
    afterAll(() => dbs.forEach((db) => db.close()));
    const matcher = (model?: SuggestModel) => {
      const db = openDatabase(":memory:");
      dbs.push(db);
      const directory = new SqliteInitiativeDirectory(db);
      for (const p of GIDS) directory.save(p, { platform: "beheer", userId: "test" });
      return new GidsMatcher(directory, loadGidsVocabulary(STARTER_KNOWLEDGE), undefined, model);
    };

    const TOLD = "Er zit een flinke deuk in een van de auto's en niemand weet wie de schade maakte.";
    /** A model that suggests on the share alone, at the middle between two shares: the second opinion decides, not the fitted weights. */
    const shareModel = (low: number, high: number): SuggestModel => ({ bias: -100 * ((low + high) / 2), weights: { share: 100 } });

    it("given a story and an asking part that only refers back to it, then the told part's evidence is a second opinion", () => {
      const question = `${TOLD} Hoe gaan anderen daarmee om?`;
      const plain = matcher();
      const whole = plain.judged(question);
      const told = plain.judged(toldPart(question)!);
      expect(whole.lead?.profile.name).toBe("Deelauto Goor");
      expect(told.lead?.profile.name).toBe("Deelauto Goor");
      // "daarmee" is a word no profile holds: the whole question's share is thinner than the told part's.
      expect(told.evidence!.share).toBeGreaterThan(whole.evidence!.share);
      const m = matcher(shareModel(whole.evidence!.share, told.evidence!.share));
      expect(m.match(question).map((s) => s.initiative.name)).toEqual(["Deelauto Goor"]);
    });

    it("given an asking part that names more of its own, then what was told is no second opinion", () => {
      const question = `${TOLD} Hoe houden anderen de penningmeester en de kascommissie tevreden?`;
      const plain = matcher();
      const whole = plain.judged(question);
      const told = plain.judged(toldPart(question)!);
      expect(whole.lead?.profile.name).toBe("Deelauto Goor");
      expect(plain.judged(askingPart(question)!).topicWeight).toBeGreaterThan(REFERRING_ASK);
      expect(told.evidence!.share).toBeGreaterThan(whole.evidence!.share);
      expect(matcher(shareModel(whole.evidence!.share, told.evidence!.share)).match(question)).toEqual([]);
    });
  });
});
