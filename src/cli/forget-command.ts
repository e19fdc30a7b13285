import { forgetInApprovedAnswers } from "../app/forget-approved-answers.js";
import { UNNAMED_ASKER } from "../core/conversation.js";
import type { Knowledge } from "../app/open-knowledge.js";
import type { Config } from "../config.js";
import { forgetPerson, handoffsAskedBy, type ForgetResult } from "../store/forget-person.js";
import { parsePersonRef } from "../store/person-ref.js";
import { handoffsHelpedBy, helperNames, type HelperIdentity } from "../store/forget-helper.js";
import { YamlRoster } from "../store/yaml-roster.js";
import { count } from "./dutch-labels.js";
import { printVectorSync } from "./print-ingest.js";

/**
 * `kennis -- vergeet <platform>:<id>` (or `roster:<id>` for someone on the roster: then also as the
 * asker under each platform id the roster names): the person as asker and as helper, in the database
 * and in the approved answers of the knowledge folder.
 */
export async function runForgetCommand(config: Config, knowledge: Knowledge, ref: string | undefined): Promise<number> {
  if (!ref) throw new Error("wie? Geef <platform>:<gebruikers-id>, bijvoorbeeld: npm run kennis -- vergeet slack:U0123ABC (of roster:<id> voor iemand uit de roster)");
  const { channel, userId } = parsePersonRef(ref);
  const onRoster = new YamlRoster(config.rosterFile).identity(channel, userId);
  const helper: HelperIdentity = {
    ids: [userId, ...(onRoster?.ids ?? [])],
    names: onRoster ? [onRoster.name] : [],
    // roster:<id> names a roster id, also of someone taken off the roster since.
    rosterId: onRoster?.ids[0] ?? (channel === "roster" ? userId : undefined),
  };
  // roster:<id> is also that person as an asker, under each platform id the roster names for them.
  const refs = channel === "roster" && onRoster ? [ref, ...onRoster.accounts] : [ref];
  const asked = refs.flatMap((r) => handoffsAskedBy(knowledge.db, r));
  // Only a name of their own is taken out of every approved answer; "de vrager" (no name given) or "anoniem" is nobody's.
  const askerNames = asked.map((h) => h.askerName).filter((n) => n && n !== "anoniem" && n !== UNNAMED_ASKER);
  // The approved answers first (files, then read in again): a stop after them leaves nothing half, and a second run finishes.
  const answers = await withSecureDelete(knowledge, () => forgetInApprovedAnswers(
    { askedIn: asked, names: [...askerNames, ...helperNames(knowledge.db, helper)], helpedIn: handoffsHelpedBy(knowledge.db, helper) },
    { knowledgeDir: config.knowledgeDir, store: knowledge.store, maxFileBytes: config.ingestMaxFileBytes },
  ));
  const now = new Date();
  const result = refs.map((r) => forgetPerson(knowledge.db, r, now, helper)).reduce(added);
  const total = Object.values(result).reduce((a, b) => a + b, 0) + answers;
  const onRosterStill = onRoster && `Staat nog in ${config.rosterFile} (${onRoster.ids[0]}): haal diegene daar weg, anders wordt diegene weer genoemd bij nieuwe vragen.`;
  if (total === 0) {
    // Someone on the roster who never helped or asked: nothing stored, but still on the roster.
    if (onRosterStill) console.log(`Niets opgeslagen van ${ref}. ${onRosterStill}`);
    else console.log(`Niets gevonden van ${ref}. Controleer het platform en id (zoals slack:U0123ABC, discord:…, web:web-… of roster:<id>).`);
    return 0;
  }
  console.log(`Vergeten: ${ref}. ${count(result.questions, "vraag", "vragen")}, ${count(result.conversationTurns, "gespreksregel", "gespreksregels")}, ${count(result.webMessages, "chatbericht", "chatberichten")}, ` +
    `${count(result.feedback, "beoordeling", "beoordelingen")} en ${count(result.handoffs, "doorgegeven vraag", "doorgegeven vragen")} verwijderd of geanonimiseerd (${count(result.other, "overige regel", "overige regels")}); ` +
    `als contactpersoon van ${count(result.initiatives, "initiatief", "initiatieven")} uit de gids gehaald; ` +
    `${count(result.introductions, "kennismaking", "kennismakingen")} zonder naam en vraag bewaard; ` +
    `${count(result.lessons, "les", "lessen")} uit kennismakingen zonder naam (en zonder tekst als die niet in de kennisbank staat).`);
  if (result.helped) console.log(`Als tolk: ${count(result.helped, "regel", "regels")} zonder naam en id (wat diegene schreef blijft, van "anoniem"; een vraag die diegene nog had, staat weer open); teamlinks ingetrokken.`);
  if (answers) console.log(`${count(answers, "goedgekeurd antwoord", "goedgekeurde antwoorden")} in de kennisbank zonder deze persoon (en zonder diens vraag) opnieuw ingelezen.`);
  if (onRosterStill) console.log(onRosterStill);
  console.log("Let op: berichten in Slack of Discord zelf staan daar nog; verwijder die in dat platform.");
  console.log("Reservekopieën van vóór nu (kennis -- backup, en een .voor-herstel-… naast de database) bevatten deze persoon nog: " +
    "ruim ze op of herhaal deze opdracht na een restore.");
  if (answers) await printVectorSync(knowledge);
  return 0;
}

/** Two counts of what was forgotten, as one. */
function added(a: ForgetResult, b: ForgetResult): ForgetResult {
  return Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + b[k as keyof ForgetResult]])) as ForgetResult;
}

/** What is deleted meanwhile is overwritten with zeros (as forgetPerson does), not left in the file's free space. */
async function withSecureDelete<T>(knowledge: Knowledge, run: () => Promise<T>): Promise<T> {
  const before = knowledge.db.pragma("secure_delete", { simple: true });
  knowledge.db.pragma("secure_delete = ON");
  try {
    return await run();
  } finally {
    knowledge.db.pragma(`secure_delete = ${["OFF", "ON", "FAST"][Number(before)] ?? "FAST"}`);
  }
}
