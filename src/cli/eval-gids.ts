import fs from "node:fs";
import path from "node:path";
import { loadGidsVocabulary } from "../app/gids-vocabulary.js";
import { openKnowledge, syncKnowledgeFolder } from "../app/open-knowledge.js";
import type { Config } from "../config.js";
import type { SuggestModel } from "../core/gids/suggest-model.js";
import { formatGidsFigures, type GidsFigures, type GidsResult } from "../eval/gids-check.js";
import { checkGidsFiles } from "../eval/gids-fixture.js";
import { FOLDS } from "../eval/gids-fit.js";
import { writeFittedModel } from "../eval/write-fitted-model.js";

const FIXTURE = path.resolve(import.meta.dirname, "../../test/fixtures/gids");

const HOLDOUT = path.resolve(import.meta.dirname, "../../test/fixtures/gids-holdout");

const HOLDOUT2 = path.resolve(import.meta.dirname, "../../test/fixtures/gids-holdout2");

/**
 * `npm run eval -- --gids [profielen.csv vragen.jsonl] [--verbose] [--failures] [--fit [--write]]`: the matching check of the
 * initiatievengids. By default on test/fixtures/gids (written for it independently) and, beside it, on
 * test/fixtures/gids-holdout and test/fixtures/gids-holdout2 when present (a second and a third set,
 * each by someone else, never tuned on: no fit, no failure listing). --failures lists every miss of the first set: the best three candidates with the
 * words and fields they matched, and the expected one's rank. --fit fits the suggest model on the first set.
 */
export async function runGidsEval(config: Config, args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith("--"));
  const sets = files.length >= 2
    ? [{ title: "Matchingcontrole van de initiatievengids", profiles: files[0]!, questions: files[1]!, first: true }]
    : [{ title: "Matchingcontrole van de initiatievengids", dir: FIXTURE, first: true }, { title: "Tweede set (apart geschreven, niet op afgestemd)", dir: HOLDOUT, first: false }, { title: "Derde set (apart geschreven, niet op afgestemd)", dir: HOLDOUT2, first: false }]
      .filter((s) => fs.existsSync(path.join(s.dir, "questions.jsonl")))
      .map((s) => ({ ...s, profiles: path.join(s.dir, "profiles.csv"), questions: path.join(s.dir, "questions.jsonl") }));
  const knowledge = await openKnowledge(config);
  try {
    await syncKnowledgeFolder(config, knowledge);
    const vocabulary = loadGidsVocabulary(config.knowledgeDir);
    for (const set of sets) {
      const fit = set.first && args.includes("--fit");
      const check = checkGidsFiles(set.profiles, set.questions, vocabulary, knowledge.store, { fit });
      console.log(`${set.title}: ${check.profiles} profielen (${set.profiles}), ${check.results.length} vragen (${set.questions})\n`);
      console.log(check.text(args.includes("--verbose")));
      if (set.first && args.includes("--failures")) console.log(`\n${check.failures}`);
      if (check.fit) reportFit(check.fit, args.includes("--write"));
      console.log("");
    }
    return 0;
  } finally {
    knowledge.close();
  }
}

// From src/cli or its build in dist/cli alike: the source file, two folders up.
const MODEL_FILE = path.resolve(import.meta.dirname, "../../src/core/gids/suggest-model.ts");

/** The suggest model's held-out figures (k-fold), its weights on all questions, and with --write those weights into suggest-model.ts. */
function reportFit(fit: { model: SuggestModel; figures: GidsFigures; heldOut: GidsResult[]; examples: number }, write: boolean): void {
  console.log(`\nBeslismodel voorstellen: ${FOLDS}-voudige kruisvalidatie (${fit.examples} vragen in de fit; elke vraag beoordeeld door een model dat haar niet zag):`);
  console.log(formatGidsFigures(fit.figures, fit.heldOut));
  console.log(`\nGewichten (op alle vragen): ${JSON.stringify(fit.model)}`);
  if (!write) return;
  writeFittedModel(MODEL_FILE, "SUGGEST_MODEL", "SuggestModel", fit.model);
  console.log(`Geschreven naar ${MODEL_FILE}`);
}
