import path from "node:path";
import { createCore } from "../app/create-core.js";
import { openKnowledge, syncKnowledgeFolder } from "../app/open-knowledge.js";
import type { Reply } from "../core/reply.js";
import { computeMetrics, firstSupportingRank, type EvalMetrics, type EvalQuestion } from "../eval/metrics.js";
import { readJsonl } from "../eval/read-jsonl.js";
import { runCli } from "./run-cli.js";

const DEFAULT_SET = path.join("..", "shared", "eval", "questions.dev.jsonl");

/** npm run eval [-- FILE] [--verbose] [--json]: the metrics for Dutch, English and all questions. */
runCli(async (config, args) => {
  const file = args.find((a) => !a.startsWith("--")) ?? DEFAULT_SET;
  const questions = readJsonl<EvalQuestion>(file);
  const knowledge = openKnowledge(config);
  try {
    await syncKnowledgeFolder(config, knowledge);
    const core = createCore(config, knowledge);
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
    if (args.includes("--json")) {
      console.log(JSON.stringify({ file, mode: "offline", ...groups }, null, 2));
      return 0;
    }
    console.log(`Evaluatie van ${file} (${questions.length} vragen, modus: offline BM25)\n`);
    console.log(formatTable(groups));
    if (args.includes("--verbose")) {
      for (const { question, reply } of results) {
        const rank = question.answerable ? `rang ${firstSupportingRank(question, reply.passages) || "-"}` : "onbeantwoordbaar";
        console.log(`${question.id}\t${reply.decision}\t${reply.confidence.toFixed(2)}\t${rank}\t${question.question}`);
      }
    }
    return 0;
  } finally {
    knowledge.close();
  }
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
