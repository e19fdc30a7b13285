import fs from "node:fs";
import path from "node:path";
import type { Config } from "../config.js";
import { count, megabytes } from "../core/dutch-numbers.js";
import { backupDatabase, restoreDatabase, type StoreSummary } from "../store/backup.js";
import { openDatabase } from "../store/open-database.js";
import { markerOf, runningAppOn } from "../app/running-marker.js";

/** `kennis -- backup FILE` (while Vliegwiel runs) and `kennis -- restore FILE` (with Vliegwiel stopped). */
export async function runBackupCommand(config: Config, command: "backup" | "restore", file: string | undefined): Promise<number> {
  if (!file) throw new Error(`geef een bestand, bijvoorbeeld: npm run kennis -- ${command} reservekopie/vliegwiel-${today()}.db`);
  if (command === "backup") {
    // A new folder for backups is made (reservekopie/…), but not a whole tree: a typo in a path shows.
    const folder = path.dirname(path.resolve(file));
    if (!fs.existsSync(folder)) {
      if (!fs.existsSync(path.dirname(folder))) throw new Error(`de map ${path.dirname(folder)} bestaat niet; controleer het pad (er wordt geen hele mappenboom gemaakt)`);
      fs.mkdirSync(folder);
      console.log(`Map ${folder} aangemaakt.`);
    }
    const summary = await backupDatabase(config.databasePath, path.resolve(file));
    console.log(`Reservekopie gemaakt: ${file} (${describe(summary)}).`);
    console.log("Bewaar hem samen met de kennismap, roster.yaml en .env (zie docs/handleiding.md).");
    return 0;
  }
  const running = runningAppOn(config.databasePath);
  if (running) {
    throw new Error(
      `Vliegwiel draait nog op deze database (proces ${running}); stop het eerst (Ctrl-C, of: sudo systemctl stop vliegwiel) en herstel dan. ` +
        `Draait het echt niet meer? Verwijder dan ${markerOf(config.databasePath)}.`,
    );
  }
  const { summary, keptAs } = await restoreDatabase(path.resolve(file), config.databasePath);
  openDatabase(config.databasePath).close(); // an older backup is brought up to this version's schema
  console.log(`Hersteld uit ${file}: ${describe(summary)}.`);
  if (keptAs) console.log(`De database van vóór het herstel staat nog in ${keptAs}.`);
  return 0;
}

function describe(s: StoreSummary): string {
  return `${count(s.documents, "document", "documenten")}, ${count(s.passages, "passage", "passages")}, ${count(s.handoffs, "doorgegeven vraag", "doorgegeven vragen")}, ${count(s.questions, "vraag", "vragen")} in het logboek, ${megabytes(s.bytes)}`;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}
