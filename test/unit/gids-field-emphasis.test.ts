import { afterAll, describe, expect, it } from "vitest";
import { loadGidsVocabulary } from "../../src/app/gids-vocabulary.js";
import { DOING_NOW_DESCRIPTION, fieldWeightsFor } from "../../src/core/gids/field-emphasis.js";
import { FIELD_WEIGHTS } from "../../src/core/gids/gids-index.js";
import type { ProfileDraft } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";
import { STARTER_KNOWLEDGE } from "../helpers/temp-knowledge.js";

const profile = (name: string, over: Partial<ProfileDraft>): ProfileDraft => ({
  name, themes: [], description: "", experience: "", seeking: "", contacts: [{ name: "Iemand", handles: { slack: `U${name.length}${name.slice(0, 4).toUpperCase()}` }, contactable: true }], ...over,
});

/** The taalhuis says what it does in its description; the welcome group holds one of the words in its experience. */
const GIDS: ProfileDraft[] = [
  profile("Taalhuis Meppel", { themes: ["ontmoeting"], description: "Wij geven elke week taallessen aan nieuwkomers in de bibliotheek.", experience: "vrijwilligers werven via de krant" }),
  profile("Welkom in Wolvega", { themes: ["integratie"], description: "Een groep buren.", experience: "nieuwkomers wegwijs maken bij de gemeente; een kookavond per maand" }),
  profile("Buurtbus Delden", { themes: ["vervoer"], experience: "buurtbus met vrijwillige chauffeurs", description: "Wij rijden." }),
  profile("Repair Café Borne", { themes: ["repair"], experience: "kapotte apparaten repareren", description: "Samen repareren." }),
  profile("Moestuin Hengevelde", { themes: ["groen"], experience: "moestuin met de basisschool", description: "Een tuin." }),
];

describe("initiatievengids: what the question asks weighs the profile's fields", () => {
  it("given a question asking who does something now, then the description counts as the themes do; otherwise the default weights", () => {
    for (const q of ["Wie doet zoiets al?", "Is er ergens een groep die taallessen geeft?", "Zijn er dorpen waar de inwoners dat zelf regelen?", "Bestaan er clubs voor?", "Is there a group that runs a small bus?"]) {
      expect(fieldWeightsFor(q).description, q).toBe(DOING_NOW_DESCRIPTION);
    }
    for (const q of ["Wie heeft ervaring met een buurtbus?", "Hoe hebben andere dorpen dat opgelost?", "Wie heeft dat gedaan?", "Er is er een die het weet."]) {
      expect(fieldWeightsFor(q), q).toEqual(FIELD_WEIGHTS);
    }
    expect(fieldWeightsFor("Wie doet zoiets?").experience).toBe(FIELD_WEIGHTS.experience);
  });

  describe("matching", () => {
    const dbs: Array<ReturnType<typeof openDatabase>> = [];
    afterAll(() => dbs.forEach((db) => db.close()));
    const matcher = () => {
      const db = openDatabase(":memory:");
      dbs.push(db);
      const directory = new SqliteInitiativeDirectory(db);
      for (const p of GIDS) directory.save(p, { platform: "beheer", userId: "test" });
      return new GidsMatcher(directory, loadGidsVocabulary(STARTER_KNOWLEDGE));
    };

    it("given a question asking who does it now, then the initiative whose description says it does goes first; asked who has done it, then the one whose experience holds a word", () => {
      const m = matcher();
      const now = m.candidates("Is er ergens een groep die taallessen geeft aan nieuwkomers?").candidates.map((c) => c.profile.name);
      expect(now[0]).toBe("Taalhuis Meppel");
      const done = m.candidates("Wie heeft ervaring met taallessen aan nieuwkomers?").candidates;
      expect(done[0]!.profile.name).toBe("Welkom in Wolvega");
      const taalhuis = done.find((c) => c.profile.name === "Taalhuis Meppel")!;
      expect(taalhuis.held.every((h) => h.field === "description")).toBe(true);
      const nowTaalhuis = m.candidates("Is er ergens een groep die taallessen geeft aan nieuwkomers?").candidates.find((c) => c.profile.name === "Taalhuis Meppel")!;
      expect(nowTaalhuis.mass).toBeGreaterThan(taalhuis.mass);
    });
  });
});
