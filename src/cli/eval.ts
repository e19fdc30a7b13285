import fs from "node:fs";
import path from "node:path";
import { createCore } from "../app/create-core.js";
import { openKnowledge, syncKnowledgeFolder } from "../app/open-knowledge.js";
import type { Config } from "../config.js";
import { formatMetricsTable } from "../eval/format-metrics.js";
import { firstSupportingRank, holdsExpected, metricsByGroup, type EvalQuestion, type EvalResult } from "../eval/metrics.js";
import { failureReport } from "../eval/failure-report.js";
import { readJsonl } from "../eval/read-jsonl.js";
import { loadVocabulary } from "../ingest/vocabulary-files.js";
import { runCli } from "./run-cli.js";
import { runGidsEval } from "./eval-gids.js";
import { flagValue, withoutFlag } from "./flag-value.js";

const SHARED_EVAL = path.join("..", "shared", "eval");
const DEFAULT_SETS = ["questions.dev.jsonl", "questions.realistic.jsonl"].map((f) => path.join(SHARED_EVAL, f));

/**
 * npm run eval [-- FILE …] [--verbose] [--failures] [--json] [--mode offline|configured|both]: the metrics per question
 * set, per language and per kind of question, for every file given (by default the dev and realistic sets
 * in ../shared/eval). With a model or embeddings configured, both modes run by default, side by side.
 * --failures lists the answerable questions whose supporting passage is not in the top 5, with the
 * terms searched, the passages that came first and the rank of the supporting one in a deeper search,
 * and a count of the kinds of miss; `--from-rank 2` lists those whose supporting passage is not first.
 * `--gids` runs the matching check of the initiatievengids instead (see eval-gids.ts).
 */
runCli(async (config, args) => {
  if (args.includes("--gids")) return runGidsEval(config, args);
  const files = withoutFlag(withoutFlag(args, "--mode"), "--from-rank").filter((a) => !a.startsWith("--"));
  const listFrom = fromRank(args);
  const sets = files.length ? files : DEFAULT_SETS.filter((f) => fs.existsSync(f));
  if (!sets.length) throw new Error(`geen vragenbestand gegeven en ${SHARED_EVAL} bestaat niet`);
  const modes = chooseModes(config, args);
  const report: Array<{ file: string; mode: string; label: string; results: EvalResult[]; failures?: string }> = [];
  for (const mode of modes) {
    const settings = mode === "offline" ? { ...config, openai: undefined, pinecone: undefined } : config;
    const knowledge = await openKnowledge(settings);
    try {
      await syncKnowledgeFolder(settings, knowledge);
      const core = createCore(settings, knowledge, { measureOnly: true });
      for (const file of sets) {
        const results: EvalResult[] = [];
        for (const question of readJsonl<EvalQuestion>(file)) {
          const reply = await core.handle({ channel: "eval", conversationId: question.id, userId: "eval", text: question.question });
          results.push({ question, reply });
        }
        const failures = args.includes("--failures") ? failureReport(results, knowledge.store, loadVocabulary(settings.knowledgeDir), listFrom) : undefined;
        report.push({ file, mode, label: knowledge.semantic.mode, results, failures });
      }
    } finally {
      knowledge.close();
    }
  }
  if (args.includes("--json")) {
    const runs = report.map(({ file, mode, label, results }) => ({ file, mode, label, groups: Object.fromEntries(metricsByGroup(results)) }));
    console.log(JSON.stringify({ runs }, null, 2));
    return 0;
  }
  for (const { file, mode, label, results, failures } of report) {
    console.log(`Evaluatie van ${file} (${results.length} vragen, modus: ${mode}: ${label})\n`);
    console.log(formatMetricsTable(metricsByGroup(results)));
    if (args.includes("--verbose")) console.log(`\n${results.map(verboseLine).join("\n")}`);
    if (failures) console.log(`\n${listFrom <= 1 ? "Zonder steunende passage" : `Steunende passage op rang ${listFrom} of lager, of niet gevonden`}:\n${failures}`);
    console.log("");
  }
  return 0;
});

/** The rank from which --failures lists a question (default 6: not in the top 5). */
function fromRank(args: string[]): number {
  const rank = Number(flagValue(args, "--from-rank", "een rang, bijvoorbeeld --from-rank 2") ?? 6);
  if (!Number.isInteger(rank) || rank < 1) throw new Error("--from-rank wil een rang, bijvoorbeeld --from-rank 2");
  return rank;
}

function chooseModes(config: Config, args: string[]): string[] {
  const upgraded = !!(config.openai || config.pinecone);
  const wanted = flagValue(args, "--mode", "offline, configured of both");
  const modes = wanted ? (wanted === "both" ? ["offline", "configured"] : [wanted]) : upgraded ? ["offline", "configured"] : ["offline"];
  if (modes.some((m) => m !== "offline" && m !== "configured")) throw new Error("--mode is offline, configured of both");
  if (modes.includes("configured") && !upgraded) throw new Error("geen taalmodel of embeddings ingesteld (OPENAI_CHAT_MODEL / OPENAI_EMBEDDING_MODEL): alleen --mode offline kan");
  return modes;
}

/** One line per question: id, decision, confidence, rank of the first supporting passage, whether the answer holds it. */
function verboseLine({ question, reply }: EvalResult): string {
  const rank = question.answerable ? `rang ${firstSupportingRank(question, reply.passages) || "-"}` : `onbeantwoordbaar ${question.kind ?? ""}`.trim();
  const holds = question.answerable && reply.decision === "answer" ? (holdsExpected(question, reply.text) ? "tekst ja" : "tekst nee") : "";
  return [question.id, reply.decision, reply.confidence.toFixed(2), rank, holds, question.question].join("\t");
}
