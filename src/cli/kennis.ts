import fs from "node:fs";
import path from "node:path";
import { openKnowledge } from "../app/open-knowledge.js";
import { isHousekeeping, isUrl } from "../ingest/collect-sources.js";
import type { Config } from "../config.js";
import { SqliteHandoffRepository } from "../store/sqlite-handoff-repository.js";
import { SqliteTeamAccess } from "../store/sqlite-team-access.js";
import { runForgetCommand } from "./forget-command.js";
import { YamlRoster } from "../store/yaml-roster.js";
import { ingestSources } from "../ingest/ingest-sources.js";
import { addToKnowledgeFolder } from "../ingest/add-to-knowledge-folder.js";
import { canBeReadIn } from "../ingest/readable-problem.js";
import { formatSummary } from "../ingest/format-summary.js";
import { printCompaction, printVectorSync, progressPrinter } from "./print-ingest.js";
import { channelLabel, count } from "./dutch-labels.js";
import { runBackupCommand } from "./backup-commands.js";
import { printSignals } from "./signals-command.js";
import { INITIATIEVEN_USAGE, runInitiatievenCommand } from "./initiatieven-command.js";
import { LESSEN_USAGE, runLessonsCommand } from "./lessons-command.js";
import { runCli } from "./run-cli.js";
import { reasonText } from "../core/channel-texts-nl.js";

const USAGE = `Gebruik: npm run kennis -- <opdracht>
  list                      wat er in de kennisbank staat
  add <bestand|map|url>…    kopieer bestanden naar de kennismap en lees ze in (url's worden direct ingelezen)
  remove <document>         haal een document weg (uit de kennisbank, en het bestand uit de kennismap)
  onbeantwoord [dagen]      vragen die de kennisbank niet kon beantwoorden (standaard de laatste 30 dagen)
  signalen [dagen] [--csv bestand] [--overschrijf]
                            wat doorgegeven is: per thema, gemeente of regio en week (met --csv ook als spreadsheet)
  vergeet <platform:id>     verwijder of anonimiseer alles van één persoon (AVG), als vrager en als tolk,
                            bijvoorbeeld vergeet slack:U0123ABC (iemand uit de roster ook: vergeet roster:<id>)
  team-link <id>            een persoonlijke link naar de teampagina voor iemand uit de roster
  team-link-intrekken <id>  trek alle links van iemand in (en log diegene overal uit)
  backup <bestand>          reservekopie van de database, ook terwijl Vliegwiel draait
  restore <bestand>         zet een reservekopie terug (stop Vliegwiel eerst)
${INITIATIEVEN_USAGE}
${LESSEN_USAGE}`;

runCli(async (config, [command, ...args]) => {
  if (command === "backup" || command === "restore") return runBackupCommand(config, command, args[0]);
  const knowledge = await openKnowledge(config);
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
        if (!args[0]) throw new Error("welk document? Zie `npm run kennis -- list` voor de namen");
        const named = args[0]!;
        const file = path.join(config.knowledgeDir, named);
        // Only a document's own file, inside the knowledge folder: never "../roster.yaml", never synoniemen.txt.
        const inside = path.relative(path.resolve(config.knowledgeDir), path.resolve(file));
        const ownFile = !isUrl(named) && !path.isAbsolute(named) && !!inside && !inside.startsWith("..") && !path.isAbsolute(inside) && !isHousekeeping(path.basename(file));
        // "./verslagen/a.md" (a shell's completion) is the document "verslagen/a.md": its file went, and it stayed in the store.
        const id = knowledge.store.getDocument(named) || !ownFile ? named : inside.split(path.sep).join("/");
        const doc = knowledge.store.getDocument(id);
        const inFolder = ownFile && fs.existsSync(file) && fs.statSync(file).isFile();
        if (!doc && inFolder) {
          // A file that could not be read, or not yet (an add of it still running), is in the folder but not in the store: it goes all the same.
          const why = (await canBeReadIn(file, config.ingestMaxFileBytes)) ? "het was nog niet ingelezen" : "het kon niet gelezen worden";
          fs.rmSync(file);
          console.log(`Verwijderd uit de kennismap: ${id} (het stond niet in de kennisbank, want ${why}).`);
          return 0;
        }
        if (!doc && isHousekeeping(path.basename(id))) {
          throw new Error(`"${id}" is geen document maar een bestand van de kennismap zelf (beschrijvingen of woordenlijsten); dat haal je niet weg met remove`);
        }
        if (!doc && ownFile && fs.existsSync(file) && fs.statSync(file).isDirectory()) {
          throw new Error(`"${id}" is een map, geen document; remove haalt één document weg (zie \`npm run kennis -- list\` voor de namen)`);
        }
        if (!doc) throw new Error(`"${id}" staat niet in de kennisbank en niet in de kennismap. Zie \`npm run kennis -- list\``);
        if (inFolder) fs.rmSync(file);
        knowledge.store.removeDocument(id);
        console.log(`Verwijderd${inFolder ? " uit de kennisbank en de kennismap" : " uit de kennisbank"}: ${id} (${doc.title}).`);
        printCompaction(knowledge, config.databasePath);
        await printVectorSync(knowledge);
        return 0;
      }
      case "onbeantwoord": {
        const since = sinceDays(args[0]);
        const rows = knowledge.questionLog.unanswered(since, 200);
        if (rows.length === 0) console.log(`Geen vragen naar een mens sinds ${since.toISOString().slice(0, 10)}.`);
        // A question the asker chose not to share is counted, not shown.
        for (const r of rows) console.log(`${r.askedAt.slice(0, 16).replace("T", " ")}  (${channelLabel(r.channel)}; ${reasonText(r.reason)})  ${r.question || "(niet gedeeld door de vrager)"}`);
        return 0;
      }
      case "signalen":
        return printSignals(config, knowledge, args);
      case "initiatieven":
        return runInitiatievenCommand(knowledge, args);
      case "lessen":
        return runLessonsCommand(config, knowledge, args);
      case "vergeet":
        return await runForgetCommand(config, knowledge, args[0]);
      case "team-link": {
        const id = args[0];
        if (!id) throw new Error("voor wie? Geef het id uit de roster, bijvoorbeeld: npm run kennis -- team-link tolk");
        const member = new YamlRoster(config.rosterFile).find(id);
        if (!member) throw new Error(`"${id}" staat niet in ${config.rosterFile}; zet diegene eerst in de roster`);
        const token = new SqliteTeamAccess(knowledge.db).createLink(id);
        console.log(`Persoonlijke link voor ${member.name} (deel hem alleen met diegene; intrekken met: npm run kennis -- team-link-intrekken ${id}):`);
        console.log(`${teamPageUrl(config)}#sleutel=${token}`);
        return 0;
      }
      case "team-link-intrekken": {
        const id = args[0];
        if (!id) throw new Error("van wie? Geef het id uit de roster");
        const revoked = new SqliteTeamAccess(knowledge.db).revokeLinks(id);
        console.log(revoked ? `${count(revoked, "link", "links")} van ${id} ingetrokken; open sessies zijn beëindigd.` : `${id} had geen geldige links.`);
        return 0;
      }
      default:
        if (command) console.log(`Onbekende opdracht: "${command}". Dit zijn de opdrachten:\n`);
        console.log(USAGE);
        return command ? 2 : 0;
    }
  } finally {
    knowledge.close();
  }
});

/** Where people open the team page: PUBLIC_BASE_URL, else the local address. */
function teamPageUrl(config: Config): string {
  if (config.web.publicUrl) return `${config.web.publicUrl}/tolk`;
  const host = config.web.host === "0.0.0.0" || config.web.host === "::" ? "127.0.0.1" : config.web.host;
  return `http://${host.includes(":") ? `[${host}]` : host}:${config.web.port}/tolk`;
}

function sinceDays(arg: string | undefined): Date {
  const days = Number(arg ?? 30);
  if (!Number.isFinite(days) || days <= 0) throw new Error("geef het aantal dagen als getal, bijvoorbeeld 30");
  return new Date(Date.now() - days * 24 * 3600 * 1000);
}
