import { createCore } from "../app/create-core.js";
import { openKnowledge, syncKnowledgeFolder } from "../app/open-knowledge.js";
import type { Reply } from "../core/reply.js";
import { readJsonl } from "../eval/read-jsonl.js";
import { formatSummary } from "../ingest/format-summary.js";
import { runCli } from "./run-cli.js";

/**
 * npm run ask -- "vraag"            answer and sources, for a person
 * npm run --silent ask -- --jsonl F one JSON object per input line on stdout, nothing else
 */
runCli(async (config, args) => {
  const jsonlAt = args.indexOf("--jsonl");
  const jsonlFile = jsonlAt >= 0 ? args[jsonlAt + 1] : undefined;
  const question = jsonlAt >= 0 ? "" : args.join(" ").trim();
  if (jsonlAt < 0 && !question) throw new Error('stel een vraag, bijvoorbeeld: npm run ask -- "Hoe houden we vrijwilligers vast?"');
  if (jsonlAt >= 0 && !jsonlFile) throw new Error("geef na --jsonl een bestand met regels {\"id\": …, \"question\": …}");

  const knowledge = openKnowledge(config);
  try {
    const summary = await syncKnowledgeFolder(config, knowledge);
    if (summary.added.length || summary.updated.length || summary.removed.length || summary.failed.length) {
      process.stderr.write(`${formatSummary(summary)}\n`);
    }
    const core = createCore(config, knowledge);
    if (!jsonlFile) {
      const reply = await core.handle({ channel: "cli", conversationId: "cli", userId: "cli", text: question });
      process.stdout.write(`${renderForPerson(reply)}\n`);
      return 0;
    }
    const lines = readJsonl<Record<string, unknown>>(jsonlFile);
    for (const line of lines) {
      const id = line.id ?? null;
      if (typeof line.question !== "string") {
        process.stdout.write(`${JSON.stringify({ id, decision: "handoff", answer: "", passages: [], error: "veld question ontbreekt" })}\n`);
        continue;
      }
      const reply = await core.handle({ channel: "cli", conversationId: `jsonl-${String(id)}`, userId: "cli", text: line.question });
      process.stdout.write(`${JSON.stringify(toContract(id, reply))}\n`);
    }
    return 0;
  } finally {
    knowledge.close();
  }
});

/** The batch contract other tools rely on: id, decision, answer, passages (max 10, rank order). */
export function toContract(id: unknown, reply: Reply) {
  return {
    id,
    decision: reply.decision,
    answer: reply.text,
    passages: reply.passages.slice(0, 10).map((p) => ({ text: p.text, source: p.source, score: p.score })),
  };
}

function renderForPerson(reply: Reply): string {
  const head = reply.decision === "handoff" ? "→ Deze vraag gaat naar een mens (tolk of vrije actor).\n\n" : "";
  return `${reply.notice ? `${reply.notice}\n\n` : ""}${head}${reply.text}`;
}
