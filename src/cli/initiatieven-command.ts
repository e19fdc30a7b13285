import fs from "node:fs";
import type { Knowledge } from "../app/open-knowledge.js";
import { importProfiles } from "../core/gids/import-profiles.js";
import { profilesToCsv } from "../core/gids/profile-csv.js";
import { isContactable } from "../core/gids/profile-rules.js";
import { SqliteInitiativeDirectory } from "../store/sqlite-initiative-directory.js";
import { count } from "./dutch-labels.js";
import { suggestFromDocuments } from "../app/suggest-initiatives.js";
import { OVERWRITE_FLAG, writeExportFile } from "./write-export-file.js";

/** Changes made from the command line are audited as made by the maintainer. */
const MAINTAINER = { platform: "beheer", userId: "opdrachtregel" };

export const INITIATIEVEN_USAGE = `  initiatieven lijst        de initiatievengids (ook voorstellen uit de documenten)
  initiatieven import <bestand.csv>
                            profielen inlezen uit een spreadsheet (nog eens inlezen maakt geen dubbele)
  initiatieven export <bestand.csv> [--overschrijf]
                            de gids als spreadsheet (puntkomma's, één regel per contactpersoon)
  initiatieven voorstellen  initiatieven die in de documenten genoemd worden, als voorstel voor coördinatoren`;

/** `kennis -- initiatieven import|export|lijst|voorstellen`. */
export function runInitiatievenCommand(knowledge: Knowledge, args: string[]): number {
  const overwrite = args.includes(OVERWRITE_FLAG);
  const [sub, file] = args.filter((a) => a !== OVERWRITE_FLAG);
  const directory = new SqliteInitiativeDirectory(knowledge.db);
  switch (sub) {
    case "import": {
      if (!file) throw new Error("welk bestand? Bijvoorbeeld: npm run kennis -- initiatieven import gids.csv");
      if (!fs.existsSync(file)) throw new Error(`${file} bestaat niet`);
      const result = importProfiles(directory, fs.readFileSync(file, "utf8"), MAINTAINER);
      console.log(`Ingelezen uit ${file}: ${count(result.created.length, "nieuw profiel", "nieuwe profielen")}, ` +
        `${result.updated.length} bijgewerkt, ${result.unchanged.length} ongewijzigd.`);
      if (result.problems.length) {
        console.log(`\n${count(result.problems.length, "regel", "regels")} niet ingelezen (de rest wel):`);
        for (const p of result.problems) console.log(`  regel ${p.line}: ${p.message}`);
      }
      return result.problems.length ? 1 : 0;
    }
    case "export": {
      if (!file) throw new Error("naar welk bestand? Bijvoorbeeld: npm run kennis -- initiatieven export gids.csv");
      const profiles = directory.list({ includeSuggested: true });
      writeExportFile(file, profilesToCsv(profiles), overwrite);
      console.log(`${count(profiles.length, "profiel", "profielen")} geschreven naar ${file}.`);
      return 0;
    }
    case "lijst": {
      const profiles = directory.list({ includeSuggested: true });
      if (!profiles.length) console.log("De gids is leeg. Lees profielen in met: npm run kennis -- initiatieven import <bestand.csv>");
      for (const p of profiles) {
        const where = [p.place, p.municipality && p.municipality !== p.place ? `gemeente ${p.municipality}` : undefined, p.province].filter(Boolean).join(", ");
        const contact = p.status === "suggested" ? `voorstel uit ${p.suggestedFrom ?? "een document"}` : p.contacts.some(isContactable) ? "benaderbaar" : "geen contactpersoon die benaderd mag worden";
        console.log(`${p.id}\n  ${p.name}${where ? ` · ${where}` : ""}${p.themes.length ? ` · ${p.themes.join(", ")}` : ""} · ${contact}`);
      }
      return 0;
    }
    case "voorstellen": {
      const added = suggestFromDocuments(knowledge.store, directory, MAINTAINER);
      if (!added.length) console.log("Geen nieuwe initiatieven gevonden in de documenten.");
      else console.log(`${count(added.length, "voorstel", "voorstellen")} toegevoegd (niet zichtbaar voor vragers tot een coördinator ze bevestigt):`);
      for (const s of added) console.log(`  ${s.name}  (uit ${s.suggestedFrom})`);
      return 0;
    }
    default:
      // A mistyped command ("importeer") is named first, as the top-level commands do.
      if (sub) console.log(`Onbekende opdracht: "initiatieven ${sub}". Dit zijn de opdrachten:\n`);
      console.log(`Gebruik: npm run kennis -- initiatieven <opdracht>\n${INITIATIEVEN_USAGE}`);
      return sub ? 2 : 0;
  }
}
