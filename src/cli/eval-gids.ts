import fs from "node:fs";
import path from "node:path";
import { loadGidsVocabulary } from "../app/gids-vocabulary.js";
import { openKnowledge, syncKnowledgeFolder } from "../app/open-knowledge.js";
import type { Config } from "../config.js";
import { formatGidsFigures } from "../eval/gids-check.js";
import { checkGidsFiles, fitGidsFiles } from "../eval/gids-fixture.js";
import { FOLDS } from "../eval/gids-fit.js";
import { writeFittedModel } from "../eval/write-fitted-model.js";

/** The gids's test sets, each written by someone else: the first four fit the suggest model, the later ones are only measured. */
const SETS = [
  { title: "Matchingcontrole van de initiatievengids", folder: "gids", fitted: true, unseen: false },
  { title: "Tweede set (apart geschreven)", folder: "gids-holdout", fitted: true, unseen: false },
  { title: "Derde set (apart geschreven)", folder: "gids-holdout2", fitted: true, unseen: false },
  { title: "Vierde set (apart geschreven)", folder: "gids-holdout3", fitted: true, unseen: false },
  { title: "Vijfde set (apart geschreven, niet gefit; missers gelezen)", folder: "gids-holdout4", fitted: false, unseen: false },
  { title: "Zesde set (apart geschreven, niet gefit; missers gelezen)", folder: "gids-holdout5", fitted: false, unseen: false },
  { title: "Zevende set (apart geschreven, niet gefit; missers gelezen)", folder: "gids-holdout6", fitted: false, unseen: false },
  { title: "Achtste set (apart geschreven, niet op afgestemd)", folder: "gids-holdout7", fitted: false, unseen: true },
].map((set) => ({ ...set, dir: path.resolve(import.meta.dirname, "../../test/fixtures", set.folder) }));

/**
 * `npm run eval -- --gids [profielen.csv vragen.jsonl] [--verbose] [--failures] [--fit [--write]]`: the matching check of the
 * initiatievengids. By default on test/fixtures/gids (written for it independently) and, beside it, on
 * test/fixtures/gids-holdout … gids-holdout7 when present (a
 * second to eighth set, each by someone else). --failures lists every miss of every set but the last, written this
 * round and kept unseen: the best three candidates with the words and fields they matched, and the expected one's
 * rank. --fit fits the suggest model on the first four sets together (held-out figures per set, k-fold by question
 * and leave-one-set-out) and leaves the fifth to eighth sets out: those are only measured, never fitted (the misses
 * of the fifth to seventh may be read: they are development data now).
 */
export async function runGidsEval(config: Config, args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith("--"));
  const fit = args.includes("--fit");
  const sets = files.length >= 2
    ? [{ title: "Matchingcontrole van de initiatievengids", profiles: files[0]!, questions: files[1]!, fitted: true, unseen: false }]
    : SETS
      .filter((s) => fs.existsSync(path.join(s.dir, "questions.jsonl")) && (s.fitted || !fit))
      .map((s) => ({ ...s, profiles: path.join(s.dir, "profiles.csv"), questions: path.join(s.dir, "questions.jsonl") }));
  const knowledge = await openKnowledge(config);
  try {
    await syncKnowledgeFolder(config, knowledge);
    const vocabulary = loadGidsVocabulary(config.knowledgeDir);
    for (const set of sets) {
      const check = checkGidsFiles(set.profiles, set.questions, vocabulary, knowledge.store);
      console.log(`${set.title}: ${check.profiles} profielen (${set.profiles}), ${check.results.length} vragen (${set.questions})\n`);
      // A set kept unseen shows its figures only, never its questions.
      const unseen = set.unseen;
      console.log(check.text(args.includes("--verbose") && !unseen));
      if (args.includes("--failures") && !unseen) console.log(`\n${check.failures}`);
      console.log("");
    }
    if (fit) {
      const fitted = sets.filter((s) => s.fitted);
      reportFit(fitted.map((s) => s.title), fitGidsFiles(fitted, vocabulary, knowledge.store), args.includes("--write"));
    }
    return 0;
  } finally {
    knowledge.close();
  }
}

// From src/cli or its build in dist/cli alike: the source file, two folders up.
const MODEL_FILE = path.resolve(import.meta.dirname, "../../src/core/gids/suggest-model.ts");

/**
 * The suggest model's held-out figures per set (k-fold by question; with several sets also leave-one-set-out),
 * its weights on all questions, and with --write those weights into suggest-model.ts.
 */
function reportFit(titles: string[], fit: ReturnType<typeof fitGidsFiles>, write: boolean): void {
  console.log(`Beslismodel voorstellen: ${FOLDS}-voudige kruisvalidatie over ${titles.length === 1 ? "deze set" : "deze sets samen"} (${fit.examples} vragen in de fit; elke vraag beoordeeld door een model dat haar niet zag):`);
  fit.heldOut.forEach((h, i) => console.log(`\n${titles[i]}:\n${formatGidsFigures(h.figures, h.results)}\nPassend initiatief bij de eerste drie kandidaten (rangorde, vóór de beslissing): ${h.ranked.found} van ${h.ranked.total}`));
  if (fit.bySet) {
    console.log("\nElke set apart gehouden (model gefit op de andere sets alleen, zoals bij een nieuwe gids):");
    fit.bySet.forEach((h, i) => console.log(`  ${titles[i]}: passend in de top 3 ${h.figures.fitting.found} van ${h.figures.fitting.total}, niets voorgesteld als niets past ${h.figures.none.quiet} van ${h.figures.none.total}`));
  }
  console.log("\nGewichten per deelfit (k-voudig; wat veel verschuift, rust op een paar vragen):");
  for (const name of Object.keys(fit.model.weights) as Array<keyof typeof fit.model.weights>) {
    console.log(`  ${name.padEnd(10)} ${fit.foldModels.map((m) => (m.weights[name] ?? 0).toFixed(2).padStart(6)).join(" ")}`);
  }
  console.log(`\nGewichten (op alle vragen): ${JSON.stringify(fit.model)}`);
  if (!write) return;
  writeFittedModel(MODEL_FILE, "SUGGEST_MODEL", "SuggestModel", fit.model);
  console.log(`Geschreven naar ${MODEL_FILE}`);
}
