import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SUGGEST_EVIDENCE_NAMES, SUGGEST_EVIDENCE_SIGNS } from "../../src/core/gids/suggest-evidence.js";
import { Vocabulary } from "../../src/core/text/vocabulary.js";
import { GidsMatcher } from "../../src/core/gids/initiative-matcher.js";
import { runGidsCheck } from "../../src/eval/gids-check.js";
import { FOLDS } from "../../src/eval/gids-fit.js";
import { fitGidsFiles, openGidsSet } from "../../src/eval/gids-fixture.js";
import { tempDir } from "../helpers/temp-knowledge.js";

const HEADER = "id,naam,kern,gemeente,provincie,themas,omschrijving,ervaring,hulp_gezocht,website,contact_naam,contact_slack,contact_discord,contact_mag_benaderd";
const row = (id: string, themes: string, experience: string, slack: string) => `${id},${id},Dorp,Gemeente,Utrecht,${themes},Een initiatief.,"${experience}",,,Iemand,${slack},,ja`;
const question = (id: string, text: string, expected: string[]) => JSON.stringify({ id, question: text, expected, region: null, own: null, kind: expected.length ? "fits" : "none" });

/** Two small sets of the matching check, written here: the suggest model fitted on both together, each question judged held out. */
describe("initiatievengids: the suggest model fitted on several sets", () => {
  const temp = tempDir();
  afterAll(() => temp.cleanup());
  const write = (name: string, profiles: string[], questions: string[]) => {
    fs.writeFileSync(path.join(temp.dir, `${name}.csv`), [HEADER, ...profiles].join("\n"));
    fs.writeFileSync(path.join(temp.dir, `${name}.jsonl`), questions.join("\n"));
    return { profiles: path.join(temp.dir, `${name}.csv`), questions: path.join(temp.dir, `${name}.jsonl`) };
  };
  const first = write("een", [
    row("kanoclub", "sport;water", "kanoverhuur aan toeristen; steigers bouwen met vrijwilligers; kanotochten voor scholen", "U01"),
    row("bakkerij", "voedsel", "brood bakken met statushouders; een bakkerij als leerwerkplek", "U02"),
    row("buurtbus", "vervoer", "buurtbus met vrijwillige chauffeurs; dienstregeling met de vervoerder", "U03"),
  ], [
    question("a1", "Hoe bouwen jullie steigers voor kanotochten met scholen?", ["kanoclub"]),
    question("a2", "Wie bakt brood met statushouders als leerwerkplek?", ["bakkerij"]),
    question("a3", "Hoe vinden we vrijwillige chauffeurs voor een buurtbus?", ["buurtbus"]),
    question("a4", "Wat doen we met vrijwilligers tegen gladheid op de stoep in de winter?", []),
    question("a5", "Hoe vraag ik een parkeervergunning aan?", []),
  ]);
  const second = write("twee", [
    row("repaircafe", "repair", "elke maand een repaircafe; stofzuigers en fietsen repareren met handige vrijwilligers", "U04"),
    row("zonnedak", "energie", "zonnepanelen op het dak van de sporthal; een energiecooperatie opgericht", "U05"),
  ], [
    question("b1", "Wie repareert stofzuigers en fietsen in een repaircafe?", ["repaircafe"]),
    question("b2", "Hoe leg je zonnepanelen op het dak van een sporthal?", ["zonnedak"]),
    question("b3", "Waar kan ik mijn fietsen stallen tijdens de vakantie?", []),
    question("b4", "Wie weet een goede kapper in de stad?", []),
  ]);

  it("given two sets, then every question of each is judged once by a model that did not see it, and the weights keep their signs", () => {
    const fit = fitGidsFiles([first, second], new Vocabulary(""));
    expect(fit.heldOut.map((h) => h.results.map((r) => r.question.id))).toEqual([["a1", "a2", "a3", "a4", "a5"], ["b1", "b2", "b3", "b4"]]);
    expect(fit.heldOut.map((h) => h.figures.fitting.total + h.figures.none.total)).toEqual([5, 4]);
    // Questions whose fitting initiative is a candidate (5), and those nothing fits that share a word with one (a4, b3): from both sets.
    expect(fit.examples).toBe(7);
    for (const name of SUGGEST_EVIDENCE_NAMES) expect((fit.model.weights[name] ?? 0) * SUGGEST_EVIDENCE_SIGNS[name]).toBeGreaterThanOrEqual(0);
    // The model of every fold is reported (to see which weights move between folds), each with every feature and its sign.
    expect(fit.foldModels).toHaveLength(FOLDS);
    for (const model of fit.foldModels) {
      expect(Object.keys(model.weights)).toEqual([...SUGGEST_EVIDENCE_NAMES]);
      for (const name of SUGGEST_EVIDENCE_NAMES) expect(model.weights[name]! * SUGGEST_EVIDENCE_SIGNS[name]).toBeGreaterThanOrEqual(0);
    }
    // Every fitting initiative of both sets is among the first three candidates before the decision.
    expect(fit.heldOut.map((h) => h.ranked)).toEqual([{ total: 3, found: 3 }, { total: 2, found: 2 }]);
  });

  it("given a question whose fitting initiative shares no word with it, then the ranking figure counts it as not found and the fit leaves it out", () => {
    const third = write("drie", [
      row("moestuin", "groen", "een moestuin met de basisschool; compost maken met buurtbewoners", "U06"),
      row("kanoclub", "sport;water", "kanoverhuur aan toeristen; steigers bouwen met vrijwilligers", "U07"),
    ], [
      question("c1", "Wie maakt compost met een moestuin bij de basisschool?", ["moestuin"]),
      question("c2", "Hoe krijgen we een peuterspeelzaal open?", ["kanoclub"]),
    ]);
    const fit = fitGidsFiles([third], new Vocabulary(""));
    expect(fit.heldOut[0]!.ranked).toEqual({ total: 2, found: 1 });
    expect(fit.examples).toBe(1);
  });

  it("given two sets, then leaving one set out judges each set by the model fitted on the other alone; given one set, then there is no such figure", () => {
    const fit = fitGidsFiles([first, second], new Vocabulary(""));
    expect(fit.bySet!.map((h) => h.results.map((r) => r.question.id))).toEqual([["a1", "a2", "a3", "a4", "a5"], ["b1", "b2", "b3", "b4"]]);
    const onlySecond = fitGidsFiles([second], new Vocabulary("")).model;
    const set = openGidsSet(first);
    try {
      const judged = runGidsCheck({ matcher: new GidsMatcher(set.source, new Vocabulary(""), undefined, onlySecond), ownOf: () => [] }, set.profiles, set.questions).results;
      expect(fit.bySet![0]!.results.map((r) => r.suggested)).toEqual(judged.map((r) => r.suggested));
      expect(fit.bySet![0]!.figures.fitting.total + fit.bySet![0]!.figures.none.total).toBe(5);
    } finally {
      set.close();
    }
    expect(fitGidsFiles([first], new Vocabulary("")).bySet).toBeUndefined();
  });

  it("given one set alone, then fewer questions teach the model than given both", () => {
    expect(fitGidsFiles([first], new Vocabulary("")).examples).toBeLessThan(fitGidsFiles([first, second], new Vocabulary("")).examples);
  });
});
