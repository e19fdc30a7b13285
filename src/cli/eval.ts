import path from "node:path";
import { createCore } from "../app/create-core.js";
import { openKnowledge, syncKnowledgeFolder } from "../app/open-knowledge.js";
import type { Reply } from "../core/reply.js";
import { computeMetrics, firstSupportingRank, type EvalMetrics, type EvalQuestion } from "../eval/metrics.js";
import { readJsonl } from "../eval/read-jsonl.js";
import { runCli } from "./run-cli.js";

const DEFAULT_SET = path.join("..", "shared", "eval", "questions.dev.jsonl");

/**
 * npm run eval [-- FILE] [--verbose] [--json] [--mode offline|configured|both]: the metrics for Dutch,
 * English and all questions. With a model or embeddings configured, both modes run by default, side by side.
 */
runCli(async (config, args) => {
  const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--mode") ?? DEFAULT_SET;
  const questions = readJsonl<EvalQuestion>(file);
  const upgraded = !!(config.openai || config.pinecone);
  const wanted = args[args.indexOf("--mode") + 1];
  const modes = args.includes("--mode") ? (wanted === "both" ? ["offline", "configured"] : [wanted]) : upgraded ? ["offline", "configured"] : ["offline"];
  if (modes.some((m) => m !== "offline" && m !== "configured")) throw new Error("--mode is offline, configured of both");
  if (modes.includes("configured") && !upgraded) throw new Error("geen taalmodel of embeddings ingesteld (OPENAI_CHAT_MODEL / OPENAI_EMBEDDING_MODEL): alleen --mode offline kan");
  const runs: Array<{ mode: string; label: string; groups: Record<string, EvalMetrics>; results: Array<{ question: EvalQuestion; reply: Reply }> }> = [];
  for (const mode of modes) {
    const settings = mode === "offline" ? { ...config, openai: undefined, pinecone: undefined } : config;
    const knowledge = openKnowledge(settings);
    try {
      await syncKnowledgeFolder(settings, knowledge);
      const core = createCore(settings, knowledge);
      const results: Array<{ question: EvalQuestion; reply: Reply }> = [];
      for (const question of questions) {
        const reply = await core.handle({ channel: "eval", conversationId: question.id, userId: "eval", text: question.question });
        results.push({ question, reply });
      }
      const groups = {
        nl: computeMetrics(results.filter((r) => (r.question.lang ?? "nl") === "nl")),
        en: computeMetrics(results.filter((r) => r.question.lang === "en")),
        all: computeMetrics(results),
      };
      runs.push({ mode: mode!, label: knowledge.semantic.mode, groups, results });
    } finally {
      knowledge.close();
    }
  }
  if (args.includes("--json")) {
    console.log(JSON.stringify({ file, runs: runs.map(({ mode, label, groups }) => ({ mode, label, ...groups })) }, null, 2));
    return 0;
  }
  for (const run of runs) {
    console.log(`Evaluatie van ${file} (${questions.length} vragen, modus: ${run.mode}: ${run.label})\n`);
    console.log(formatTable(run.groups));
    if (args.includes("--verbose")) {
      for (const { question, reply } of run.results) {
        const rank = question.answerable ? `rang ${firstSupportingRank(question, reply.passages) || "-"}` : "onbeantwoordbaar";
        console.log(`${question.id}\t${reply.decision}\t${reply.confidence.toFixed(2)}\t${rank}\t${question.question}`);
      }
    }
    console.log("");
  }
  return 0;
});

function formatTable(groups: Record<string, EvalMetrics>): string {
  const pct = (x: number) => (Number.isNaN(x) ? "   -  " : x.toFixed(3).padStart(6));
  const rows = [
    ["", "vragen", "recall@5", "MRR@10", "handoff onbeantw.", "onterechte handoff"],
    ...Object.entries(groups).map(([name, m]) => [
      name, String(m.answerable + m.unanswerable), pct(m.recallAt5), pct(m.mrrAt10), pct(m.handoffOnUnanswerable), pct(m.falseHandoff),
    ]),
  ];
  return rows.map((r) => r.map((c, i) => c.padEnd(i === 0 ? 5 : [6, 8, 6, 17, 18][i - 1]! + 2)).join("")).join("\n");
}
