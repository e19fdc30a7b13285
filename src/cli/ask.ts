import { createCore } from "../app/create-core.js";
import { openGids } from "../app/open-gids.js";
import { suggestionsText } from "../core/gids/gids-in-reply.js";
import { openKnowledge } from "../app/open-knowledge.js";
import { syncKnowledgeFolderIfChanged } from "../app/sync-if-changed.js";
import type { Reply } from "../core/reply.js";
import { readJsonlLines } from "../eval/read-jsonl.js";
import { formatSummary } from "../ingest/format-summary.js";
import { runCli } from "./run-cli.js";
import { writeOut } from "./write-out.js";
import { flagValue } from "./flag-value.js";

/**
 * npm run ask -- "vraag"            answer and sources, for a person
 * npm run --silent ask -- --jsonl F one JSON object per input line on stdout, nothing else
 */
runCli(async (config, args) => {
  const jsonlFile = flagValue(args, "--jsonl", "een bestand met regels {\"id\": …, \"question\": …}");
  const question = jsonlFile ? "" : args.join(" ").trim();
  if (!jsonlFile && !question) throw new Error('stel een vraag, bijvoorbeeld: npm run ask -- "Hoe houden we vrijwilligers vast?"');
  const lines = jsonlFile ? readJsonlLines(jsonlFile) : [];

  const knowledge = await openKnowledge(config);
  try {
    // Skipped when knowledge/ is unchanged since the last run, so a question is answered at once.
    const summary = await syncKnowledgeFolderIfChanged(config, knowledge);
    if (summary && (summary.added.length || summary.updated.length || summary.removed.length || summary.failed.length)) {
      process.stderr.write(`${formatSummary(summary, config.logLevel === "debug")}\n`);
    }
    // A single question also gets the gids (suggestions, direct questions); the batch contract stays the documents'.
    const core = createCore(config, knowledge, { gids: jsonlFile ? undefined : openGids(config, knowledge).access });
    if (!jsonlFile) {
      const reply = await core.handle({ channel: "cli", conversationId: "cli", userId: "cli", text: question });
      await writeOut(`${renderForPerson(reply)}\n`);
      return 0;
    }
    for (const line of lines) {
      if ("error" in line) {
        await writeOut(`${JSON.stringify(errorObject(null, line.error))}\n`);
        continue;
      }
      const id = line.value.id ?? null;
      if (typeof line.value.question !== "string") {
        await writeOut(`${JSON.stringify(errorObject(id, `regel ${line.number}: veld question ontbreekt`))}\n`);
        continue;
      }
      if (!line.value.question.trim()) {
        await writeOut(`${JSON.stringify(errorObject(id, `regel ${line.number}: de vraag is leeg`))}\n`);
        continue;
      }
      const reply = await core.handle({ channel: "cli", conversationId: `jsonl-${String(id)}`, userId: "cli", text: line.value.question });
      await writeOut(`${JSON.stringify(toContract(id, reply))}\n`);
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

/** A line that could not be asked: the same fields, with the reason in `error`. */
function errorObject(id: unknown, error: string) {
  return { id, decision: "handoff", answer: "", passages: [], error };
}

function renderForPerson(reply: Reply): string {
  const head = reply.decision === "handoff" ? "→ Deze vraag gaat naar een mens (tolk of vrije actor).\n\n" : "";
  const initiatives = reply.reason === "gids" ? "" : suggestionsText(reply.initiatives, reply.language);
  return `${reply.notice ? `${reply.notice}\n\n` : ""}${head}${reply.text}${initiatives ? `\n\n${initiatives}` : ""}`;
}
