import { afterAll, describe, expect, it } from "vitest";
import { loadGidsVocabulary } from "../../src/app/gids-vocabulary.js";
import { candidateRank } from "../../src/core/gids/candidate-rank.js";
import type { ProfileDraft } from "../../src/core/gids/initiative.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import { openDatabase } from "../../src/store/open-database.js";
import { SqliteInitiativeDirectory } from "../../src/store/sqlite-initiative-directory.js";
import { STARTER_KNOWLEDGE } from "../helpers/temp-knowledge.js";

const profile = (name: string, over: Partial<ProfileDraft>): ProfileDraft => ({
  name, themes: [], description: "", experience: "", seeking: "", contacts: [{ name: "Iemand", handles: { slack: `U${name.length}${name.slice(0, 4).toUpperCase()}` }, contactable: true }], ...over,
});

/** Vrijwilligers and ouderen are in many profiles; handige only in the theatre club's. */
const GIDS: ProfileDraft[] = [
  profile("Toneelclub Hengelo", { themes: ["cultuur"], experience: "handige leden bouwen het decor", description: "Wij spelen toneel." }),
  profile("Klusploeg Wijnjewoude", { themes: ["klussen"], description: "Vrijwilligers helpen ouderen." }),
  profile("Buurtbus Delden", { themes: ["vervoer"], experience: "buurtbus met vrijwillige chauffeurs", description: "Wij rijden." }),
  profile("Repair Café Borne", { themes: ["repair"], experience: "kapotte apparaten repareren", description: "Samen repareren." }),
  profile("Moestuin Hengevelde", { themes: ["groen"], experience: "moestuin met de basisschool", description: "Een tuin." }),
  profile("Eettafel Achterberg", { themes: ["ontmoeting"], experience: "vrijwilligers koken voor ouderen", description: "Samen eten." }),
  profile("Belbus Oldemarkt", { themes: ["vervoer"], experience: "vrijwilligers rijden ouderen naar de huisarts", description: "Belbus." }),
  profile("Digicafé Sneek", { themes: ["digitaal"], experience: "vrijwilligers helpen ouderen met de telefoon", description: "Digicafé." }),
  profile("Dorpshuis Rekken", { themes: ["dorpshuis"], experience: "vrijwilligers doen het onderhoud en kleine klussen in het dorpshuis", description: "Ons dorpshuis." }),
];

describe("initiatievengids: the order of candidates", () => {
  it("given the same share, then the candidate holding more of the question's words goes first; a clearly larger share still wins, and the asker's region still counts", () => {
    expect(candidateRank(0.3, 3, false)).toBeGreaterThan(candidateRank(0.3, 1, false));
    expect(candidateRank(0.3, 3, false)).toBeGreaterThan(candidateRank(0.32, 1, false));
    expect(candidateRank(0.5, 1, false)).toBeGreaterThan(candidateRank(0.3, 3, false));
    expect(candidateRank(0.3, 1, true)).toBeGreaterThan(candidateRank(0.3, 3, false));
    expect(candidateRank(0.3, 0, false)).toBe(0.3);
  });

  describe("matching", () => {
    const dbs: Array<ReturnType<typeof openDatabase>> = [];
    afterAll(() => dbs.forEach((db) => db.close()));

    it("given one rare word a profile shares by chance against three words another holds of what is asked, then the one holding three goes first", () => {
      const db = openDatabase(":memory:");
      dbs.push(db);
      const directory = new SqliteInitiativeDirectory(db);
      for (const p of GIDS) directory.save(p, { platform: "beheer", userId: "test" });
      const matcher = new GidsMatcher(directory, loadGidsVocabulary(STARTER_KNOWLEDGE));
      const { candidates } = matcher.candidates("Wie heeft handige vrijwilligers voor klussen bij ouderen?");
      const klusploeg = candidates.find((c) => c.profile.name === "Klusploeg Wijnjewoude")!;
      const toneel = candidates.find((c) => c.profile.name === "Toneelclub Hengelo")!;
      // The theatre club holds more of the question (its one rare word), the klusploeg three of its words.
      expect(toneel.score).toBeGreaterThan(klusploeg.score);
      expect(klusploeg.held.map((h) => h.word).sort()).toEqual(["klussen", "ouderen", "vrijwilligers"]);
      expect(candidates.indexOf(klusploeg)).toBeLessThan(candidates.indexOf(toneel));
    });
  });
});
