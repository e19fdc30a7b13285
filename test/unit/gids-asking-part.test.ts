import { afterAll, describe, expect, it } from "vitest";
import { loadGidsVocabulary } from "../../src/app/gids-vocabulary.js";
import { askingPart, bestOfParts } from "../../src/core/gids/asking-part.js";
import type { ProfileDraft } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import type { SuggestEvidence } from "../../src/core/gids/suggest-evidence.js";
import { SUGGEST_THRESHOLD, suggestProbability } from "../../src/core/gids/suggest-model.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";
import { STARTER_KNOWLEDGE } from "../helpers/temp-knowledge.js";

const BY = { platform: "beheer", userId: "test" };
const profile = (name: string, over: Partial<ProfileDraft>): ProfileDraft => ({
  name, themes: [], description: "", experience: "", seeking: "", contacts: [{ name: "Iemand", handles: { slack: `U${name.length}${name.slice(0, 4).toUpperCase()}` }, contactable: true }], ...over,
});

const GIDS: ProfileDraft[] = [
  profile("Buurtbus Delden", { place: "Delden", themes: ["vervoer"], experience: "buurtbus met vrijwillige chauffeurs; ritten naar de huisarts", description: "Wij rijden met een buurtbus." }),
  profile("Repair Café Borne", { place: "Borne", themes: ["repair"], experience: "kapotte apparaten repareren; elke maand", description: "Samen repareren." }),
  profile("Zon op het Dak Markelo", { place: "Markelo", themes: ["energie"], experience: "zonnepanelen op het dak van de sporthal; leden werven", description: "Coöperatie voor zonnestroom." }),
  profile("Dorpshuis Bentelo", { place: "Bentelo", themes: ["dorpshuis"], experience: "dorpshuis van de gemeente overgenomen; vrijwilligers werven", description: "Ons dorpshuis." }),
  profile("Moestuin Hengevelde", { place: "Hengevelde", themes: ["groen"], experience: "moestuin met de basisschool; groente kweken", description: "Een tuin voor iedereen." }),
  profile("Hartveilig Diepenheim", { place: "Diepenheim", themes: ["veiligheid"], experience: "AED-kasten aan de gevel; oproepsysteem", description: "Wij geven reanimatiecursussen aan buurtbewoners." }),
];

const evidence = (over: Partial<SuggestEvidence>): SuggestEvidence => ({
  share: 0.1, evidence: 0.2, wordShare: 0.2, direct: 0, margin: 0.1, known: 0.5, second: 0, unknown: 0.5, length: 1, ...over,
});

describe("initiatievengids: a question that tells before it asks", () => {
  it("given sentences that tell and one that asks, then the asking part is the one that asks", () => {
    expect(askingPart("Wij zijn energiecoaches in de Achterhoek. Wie doet nog meer iets tegen tocht en kou?")).toBe("Wie doet nog meer iets tegen tocht en kou?");
    expect(askingPart("bij ons in het dorp staat de school leeg. kent iemand een dorp dat er een dorpshuis van maakte")).toBe("kent iemand een dorp dat er een dorpshuis van maakte");
    expect(askingPart("De laatste winkel gaat dicht, wie heeft ervaring met een dorpswinkel?")).toBe("wie heeft ervaring met een dorpswinkel?");
    expect(askingPart("Our pub closed last year. How did other villages open one of their own?")).toBe("How did other villages open one of their own?");
  });

  it("given a question that only asks or only tells, then there is no asking part apart", () => {
    expect(askingPart("Wie heeft ervaring met een buurtbus?")).toBeUndefined();
    expect(askingPart("Hoe begin je een buurtbus? En hoe vind je chauffeurs?")).toBeUndefined();
    expect(askingPart("Wij willen een buurtbus. Het liefst met vrijwilligers.")).toBeUndefined();
  });

  it("given the evidence of the whole question and of its asking part, then each piece is the better one, but what the gids does not know and the length stay the whole question's", () => {
    const whole = evidence({ share: 0.1, second: 0.2, unknown: 0.6, length: 1, margin: 0.5 });
    const asked = evidence({ share: 0.6, second: 0.8, unknown: 0, length: 0.25, margin: 0.2 });
    expect(bestOfParts(whole, asked)).toMatchObject({ share: 0.6, second: 0.8, margin: 0.5, unknown: 0.6, length: 1 });
    // The asking part alone is short: a candidate holding one of its words is no second opinion.
    expect(bestOfParts(whole, { ...asked, second: 0 })).toBeUndefined();
  });

  describe("matching", () => {
    const dbs: Array<ReturnType<typeof openDatabase>> = [];
    const matcher = () => {
      const db = openDatabase(":memory:");
      dbs.push(db);
      const directory = new SqliteInitiativeDirectory(db);
      for (const p of GIDS) directory.save(p, BY);
      return new GidsMatcher(directory, loadGidsVocabulary(STARTER_KNOWLEDGE));
    };
    afterAll(() => dbs.forEach((db) => db.close()));

    it("given a long story of what happened and then what is asked, then the initiative that does what is asked is suggested", () => {
      const question = "Vorige maand viel een oude man om tijdens het sjoelen en niemand durfde iets te doen, iedereen stond maar te kijken. Wie geeft cursussen reanimeren aan buurtbewoners?";
      const m = matcher();
      const { lead, evidence: whole } = m.judged(question);
      expect(lead?.profile.name).toBe("Hartveilig Diepenheim");
      // The whole question's evidence alone does not convince the model: the story spreads its share thin.
      expect(suggestProbability(whole!)).toBeLessThan(SUGGEST_THRESHOLD);
      expect(m.match(question).map((s) => s.initiative.name)).toEqual(["Hartveilig Diepenheim"]);
    });
  });
});
