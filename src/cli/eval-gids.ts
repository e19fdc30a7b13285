import path from "node:path";
import { loadGidsVocabulary } from "../app/gids-vocabulary.js";
import { openKnowledge, syncKnowledgeFolder } from "../app/open-knowledge.js";
import type { Config } from "../config.js";
import { checkGidsFiles } from "../eval/gids-fixture.js";

const FIXTURE = path.resolve(import.meta.dirname, "../../test/fixtures/gids");

/**
 * `npm run eval -- --gids [profielen.csv vragen.jsonl] [--verbose] [--failures]`: the matching check of the
 * initiatievengids (by default on test/fixtures/gids, written for it independently). --failures lists
 * every miss: the best three candidates with the words and fields they matched, and the expected one's rank.
 */
export async function runGidsEval(config: Config, args: string[]): Promise<number> {
  const files = args.filter((a) => !a.startsWith("--"));
  const [profiles, questions] = files.length >= 2 ? files : [path.join(FIXTURE, "profiles.csv"), path.join(FIXTURE, "questions.jsonl")];
  const knowledge = await openKnowledge(config);
  try {
    await syncKnowledgeFolder(config, knowledge);
    const check = checkGidsFiles(profiles!, questions!, loadGidsVocabulary(config.knowledgeDir), knowledge.store);
    console.log(`Matchingcontrole van de initiatievengids: ${check.profiles} profielen (${profiles}), ${check.results.length} vragen (${questions})\n`);
    console.log(check.text(args.includes("--verbose")));
    if (args.includes("--failures")) console.log(`\n${check.failures}`);
    return 0;
  } finally {
    knowledge.close();
  }
}
