import { openKnowledge } from "../app/open-knowledge.js";
import { ingestSources } from "../ingest/ingest-sources.js";
import { formatSummary } from "../ingest/format-summary.js";
import { printCompaction, printVectorSync, progressPrinter } from "./print-ingest.js";
import { runCli } from "./run-cli.js";

/** npm run ingest [-- files, folders or URLs…]: default the whole knowledge folder. */
runCli(async (config, args) => {
  const knowledge = await openKnowledge(config);
  try {
    const summary = await ingestSources({
      store: knowledge.store,
      knowledgeDir: config.knowledgeDir,
      sources: args,
      maxFileBytes: config.ingestMaxFileBytes,
      onProgress: progressPrinter(),
    });
    process.stdout.write(`${formatSummary(summary, config.logLevel === "debug")}\n`);
    if (summary.removed.length) printCompaction(knowledge, config.databasePath);
    await printVectorSync(knowledge);
    return summary.failed.length ? 1 : 0;
  } finally {
    knowledge.close();
  }
});
