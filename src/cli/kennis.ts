import fs from "node:fs";
import path from "node:path";
import { openKnowledge } from "../app/open-knowledge.js";
import { isUrl } from "../ingest/collect-sources.js";
import { addToKnowledgeFolder } from "../ingest/add-to-knowledge-folder.js";
import { formatSummary } from "../ingest/format-summary.js";
import { printVectorSync, progressPrinter } from "./print-ingest.js";
import { channelLabel, count } from "./dutch-labels.js";
import { runBackupCommand } from "./backup-commands.js";
import { printSignals } from "./signals-command.js";
import { runCli } from "./run-cli.js";
import { reasonText } from "../core/channel-texts-nl.js";

const USAGE = `Gebruik: npm run kennis -- <opdracht>
  list                      wat er in de kennisbank staat
  add <bestand|map|url>…    kopieer bestanden naar de kennismap en lees ze in (url's worden direct ingelezen)
  remove <document>         haal een document weg (uit de kennisbank, en het bestand uit de kennismap)
  onbeantwoord [dagen]      vragen die naar een mens gingen (standaard de laatste 30 dagen)
  signalen [dagen] [--csv bestand]
                            wat doorgegeven is: per thema, gemeente of regio en week (met --csv ook als spreadsheet)
  backup <bestand>          reservekopie van de database, ook terwijl Vliegwiel draait
  restore <bestand>         zet een reservekopie terug (stop Vliegwiel eerst)`;

runCli(async (config, [command, ...args]) => {
  if (command === "backup" || command === "restore") return runBackupCommand(config, command, args[0]);
  const knowledge = openKnowledge(config);
  try {
    switch (command) {
      case "list": {
        const docs = knowledge.store.listDocuments();
        if (docs.length === 0) {
          console.log("De kennisbank is leeg. Voeg documenten toe met: npm run kennis -- add <bestand>");
          return 0;
        }
        for (const d of docs) {
          console.log(`${d.id}\n  ${d.title} · ${d.kind}${d.year ? ` · ${d.year}` : ""} · ${count(d.passageCount, "passage", "passages")} · ingelezen ${d.ingestedAt.slice(0, 10)}`);
        }
        const passages = docs.reduce((n, d) => n + d.passageCount, 0);
        console.log(`\n${count(docs.length, "document", "documenten")}, ${count(passages, "passage", "passages")}.`);
        const vectors = knowledge.semantic.vectors;
        if (vectors) {
          const count = await vectors.index.count().catch(() => undefined);
          console.log(count === undefined ? `Vectoren (${vectors.index.target}): niet bereikbaar.` : `Vectoren (${vectors.index.target}, ${vectors.embedder.model}): ${count}.`);
        }
        return 0;
      }
      case "add": {
        if (args.length === 0) throw new Error("geef een bestand, map of url om toe te voegen");
        const summary = await addToKnowledgeFolder(args, {
          store: knowledge.store, knowledgeDir: config.knowledgeDir, maxFileBytes: config.ingestMaxFileBytes, onProgress: progressPrinter(),
        });
        console.log(formatSummary(summary, config.logLevel === "debug"));
        if (summary.failed.length) console.log("Wat niet gelezen kon worden, is niet in de kennismap gezet.");
        await printVectorSync(knowledge);
        return summary.failed.length ? 1 : 0;
      }
      case "remove": {
        const id = args[0];
        if (!id) throw new Error("welk document? Zie `npm run kennis -- list` voor de namen");
        const doc = knowledge.store.getDocument(id);
        const file = path.join(config.knowledgeDir, id);
        const inFolder = !isUrl(id) && !path.isAbsolute(id) && fs.existsSync(file) && fs.statSync(file).isFile();
        if (!doc && inFolder) {
          // A file that could not be read is in the folder but not in the store: it goes all the same.
          fs.rmSync(file);
          console.log(`Verwijderd uit de kennismap: ${id} (het stond niet in de kennisbank, want het kon niet gelezen worden).`);
          return 0;
        }
        if (!doc) throw new Error(`"${id}" staat niet in de kennisbank en niet in de kennismap. Zie \`npm run kennis -- list\``);
        if (inFolder) fs.rmSync(file);
        knowledge.store.removeDocument(id);
        console.log(`Verwijderd: ${doc.title}`);
        await printVectorSync(knowledge);
        return 0;
      }
      case "onbeantwoord": {
        const since = sinceDays(args[0]);
        const rows = knowledge.questionLog.unanswered(since, 200);
        if (rows.length === 0) console.log(`Geen vragen naar een mens sinds ${since.toISOString().slice(0, 10)}.`);
        for (const r of rows) console.log(`${r.askedAt.slice(0, 16).replace("T", " ")}  (${channelLabel(r.channel)}; ${reasonText(r.reason)})  ${r.question}`);
        return 0;
      }
      case "signalen":
        return printSignals(config, knowledge, args);
      default:
        console.log(USAGE);
        return command ? 2 : 0;
    }
  } finally {
    knowledge.close();
  }
});

function sinceDays(arg: string | undefined): Date {
  const days = Number(arg ?? 30);
  if (!Number.isFinite(days) || days <= 0) throw new Error("geef het aantal dagen als getal, bijvoorbeeld 30");
  return new Date(Date.now() - days * 24 * 3600 * 1000);
}
