import fs from "node:fs";
import path from "node:path";
import { loadGidsVocabulary } from "../app/gids-vocabulary.js";
import { openKnowledge, syncKnowledgeFolder } from "../app/open-knowledge.js";
import type { Config } from "../config.js";
import type { SuggestModel } from "../core/gids/suggest-model.js";
import { formatGidsFigures, type GidsFigures, type GidsResult } from "../eval/gids-check.js";
import { checkGidsFiles } from "../eval/gids-fixture.js";
import { FOLDS } from "../eval/gids-fit.js";

const FIXTURE = path.resolve(import.meta.dirname, "../../test/fixtures/gids");

/**
 * `npm run eval -- --gids [profielen.csv vragen.jsonl] [--verbose] [--failures] [--fit [--write]]`: the matching check of the
 * initiatievengids (by default on test/fixtures/gids, written for it independently). --failures lists
 * every miss: the best three candidates with the words and fields they matched, and the expected one's rank.
 */
export async function runGidsEval(config: Config, args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith("--"));
  const [profiles, questions] = files.length >= 2 ? files : [path.join(FIXTURE, "profiles.csv"), path.join(FIXTURE, "questions.jsonl")];
  const knowledge = await openKnowledge(config);
  try {
    await syncKnowledgeFolder(config, knowledge);
    const fit = args.includes("--fit");
    const check = checkGidsFiles(profiles!, questions!, loadGidsVocabulary(config.knowledgeDir), knowledge.store, { fit });
    console.log(`Matchingcontrole van de initiatievengids: ${check.profiles} profielen (${profiles}), ${check.results.length} vragen (${questions})\n`);
    console.log(check.text(args.includes("--verbose")));
    if (args.includes("--failures")) console.log(`\n${check.failures}`);
    if (check.fit) reportFit(check.fit, args.includes("--write"));
    return 0;
  } finally {
    knowledge.close();
  }
}

const MODEL_FILE = path.resolve(import.meta.dirname, "../core/gids/suggest-model.ts");

/** The suggest model's held-out figures (k-fold), its weights on all questions, and with --write those weights into suggest-model.ts. */
function reportFit(fit: { model: SuggestModel; figures: GidsFigures; heldOut: GidsResult[]; examples: number }, write: boolean): void {
  console.log(`\nBeslismodel voorstellen: ${FOLDS}-voudige kruisvalidatie (${fit.examples} vragen in de fit; elke vraag beoordeeld door een model dat haar niet zag):`);
  console.log(formatGidsFigures(fit.figures, fit.heldOut));
  console.log(`\nGewichten (op alle vragen): ${JSON.stringify(fit.model)}`);
  if (!write) return;
  const source = fs.readFileSync(MODEL_FILE, "utf8");
  const weights = JSON.stringify(fit.model.weights).replace(/"(\w+)":/g, "$1: ").replace(/,/g, ", ");
  fs.writeFileSync(MODEL_FILE, source.replace(/export const SUGGEST_MODEL: SuggestModel = \{[\s\S]*?\n\};/, `export const SUGGEST_MODEL: SuggestModel = {\n  bias: ${fit.model.bias},\n  weights: ${weights},\n};`));
  console.log(`Geschreven naar ${MODEL_FILE}`);
}
