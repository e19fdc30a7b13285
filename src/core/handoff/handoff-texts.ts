import type { TeamButton } from "../channel.js";
import { NL } from "../replies-nl.js";
import { askerNoticeTextEn, helperNameEn } from "./handoff-texts-en.js";
import type { AskerNotice, Handoff, HandoffEffect, HandoffStatus, Person, ThreadPost } from "./handoff-types.js";

export type TextOptions = {
  /** Whether askers see the name of the person who helps them (else "een tolk uit het netwerk"). */
  showHelperNames: boolean;
};

const DEFAULT_OPTIONS: TextOptions = { showHelperNames: true };

/**
 * Notices a chat channel already shows as its direct reply to the asker's own message or button
 * press; a channel's handoff sink skips them so the asker does not read them twice.
 */
export const NOTICES_SHOWN_AS_REPLY: ReadonlySet<AskerNotice> = new Set(["consent_request", "passing_on", "not_shared"]);

function helperName(person: Person | undefined, options: TextOptions): string {
  return options.showHelperNames && person ? person.name : "een tolk uit het netwerk";
}

/** What the asker reads at each step, in plain Dutch. */
export function askerNoticeText(notice: AskerNotice, handoff: Handoff, options: TextOptions = DEFAULT_OPTIONS): string {
  if (handoff.asker?.language === "en") return askerNoticeTextEn(notice, handoff, capitalise(helperNameEn(handoff.claimedBy, options.showHelperNames)));
  switch (notice) {
    case "consent_request":
      return NL.consentRequest;
    case "not_shared":
      return "Prima, ik heb je vraag niet doorgegeven. Je kunt altijd opnieuw vragen.";
    case "consent_expired":
      return "Ik heb geen antwoord gekregen op mijn vraag of ik je vraag mocht doorgeven, dus ik heb hem niet gedeeld. Vraag gerust opnieuw.";
    case "passing_on":
      return `Dank je! Ik geef je vraag${handoff.sharing === "anonymous" ? " anoniem" : ""} door aan de tolken; je hoort het hier zodra hij bij hen staat.`;
    case "shared":
      return `Je vraag is doorgegeven${handoff.sharing === "anonymous" ? " (anoniem)" : ""}. Zodra iemand hem oppakt, hoor je het hier.`;
    case "claimed":
      return `${capitalise(helperName(handoff.claimedBy, options))} heeft je vraag opgepakt. Het antwoord komt hier.`;
    case "taking_longer":
      return "Het duurt wat langer voordat iemand je vraag oppakt. De coördinator van het netwerk is ingeschakeld; je hoort het hier.";
    case "resolved":
      return "Je vraag is afgesloten. Toch nog iets? Je kunt hem de komende dagen heropenen.";
    case "reopened":
      return "Je vraag staat weer open; je hoort het hier.";
    case "delivery_delayed":
      return "Het doorgeven van je vraag lukt nu even niet. We proberen het opnieuw; je hoort het hier zodra hij bij de tolken staat.";
  }
}

/** How a person's reply is marked when it reaches the asker (in the asker's language). */
export function relayText(from: Person, text: string, options: TextOptions = DEFAULT_OPTIONS, language?: "en"): string {
  if (language === "en") return `Answer from ${options.showHelperNames ? `${from.name} (a person in the network)` : "a tolk from the network (a person)"}:\n${text}`;
  const who = options.showHelperNames ? `${from.name} (een mens uit het netwerk)` : "een tolk uit het netwerk (een mens)";
  return `Antwoord van ${who}:\n${text}`;
}

/** The button under a relayed answer with which the asker writes back to that person. */
export function replyToHelperLabel(from: Person, options: TextOptions = DEFAULT_OPTIONS, language?: "en"): string {
  if (language === "en") return `Reply to ${options.showHelperNames ? from.name : "the tolk"}`;
  return `Antwoord aan ${options.showHelperNames ? from.name : "de tolk"}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** What the handoff thread shows for the tolken and vrije actoren. */
export function threadOpeningText(handoff: Handoff): string {
  const asker = handoff.sharing === "anonymous" ? "anoniem" : handoff.asker.name;
  return [
    `Nieuwe vraag van ${asker} (via ${CHANNEL_NAMES[handoff.asker.channel] ?? handoff.asker.channel}):`,
    `“${handoff.question}”`,
    `Thema: ${handoff.theme ?? "overig"}`,
    handoff.findings.length ? `Wat de kennisbank wel vond:\n${handoff.findings.map((f) => `– ${f}`).join("\n")}` : "De kennisbank vond niets bruikbaars.",
  ].join("\n");
}

export function threadPostText(kind: ThreadPost, handoff: Handoff, effect?: Extract<HandoffEffect, { type: "post_in_thread" }>): string {
  const names = (effect?.mentions ?? []).map((p) => p.name).join(", ");
  switch (kind) {
    case "claimed":
      return `${handoff.claimedBy?.name} pakt dit op.`;
    case "asker_reply":
      return `De vrager schrijft: ${effect?.text ?? ""}`;
    case "tolk_reply":
      return `${effect?.from?.name ?? "De tolk"} antwoordt de vrager: ${effect?.text ?? ""}`;
    case "reminder":
      return `Herinnering: deze vraag wacht nog op iemand die hem oppakt.${names ? ` (${names})` : ""}`;
    case "escalation":
      return `Deze vraag is nog niet opgepakt. Coördinator${names ? ` ${names}` : ""}, wil je meekijken?`;
    case "resolved":
      return "Afgesloten.";
    case "reopened":
      return "De vrager heeft de vraag heropend.";
    case "relay_parked":
      return `Sorry, je antwoord (“${effect?.text ?? ""}”) heeft de vrager misschien niet bereikt: afleveren lukte na een paar pogingen niet. Vliegwiel probeert het later opnieuw, ook na een herstart; de coördinator ziet het op de teampagina.`;
  }
}

/** Where a question was asked, as the team reads it. */
const CHANNEL_NAMES: Record<string, string> = { web: "de webchat", slack: "Slack", discord: "Discord", cli: "de opdrachtregel" };

const TEAM_REJECTIONS: Record<string, string> = {
  already_claimed: "Iemand anders heeft deze vraag al opgepakt.",
  not_on_roster: "Je staat niet op de lijst van tolken en vrije actoren.",
  not_claimer: "Deze vraag is door iemand anders opgepakt.",
  not_claimed: "Pak de vraag eerst op met ‘Ik pak dit op’.",
};

/** What a tolk reads when a claim, reply or close is refused (a channel may say who may act its own way). */
export function teamRejectionText(code: string, overrides: Partial<Record<string, string>> = {}): string {
  return overrides[code] ?? TEAM_REJECTIONS[code] ?? "Dat kan nu niet bij deze vraag.";
}

/** The statuses a handoff thread shows, in words (also the names of Discord's forum tags, lower-cased). */
export const THREAD_STATUS_LABELS: Readonly<Partial<Record<HandoffStatus, string>>> = { open: "Open", claimed: "Opgepakt", resolved: "Afgesloten" };

/** The status line under a handoff thread's head: "Open", "Opgepakt door Anna", "Afgesloten". */
export function threadStatusText(handoff: Pick<Handoff, "status" | "claimedBy">): string {
  return `${THREAD_STATUS_LABELS[handoff.status] ?? handoff.status}${handoff.claimedBy ? ` door ${handoff.claimedBy.name}` : ""}`;
}

/** The buttons under a handoff thread's head, for its status. */
export function threadButtons(status: HandoffStatus): Array<{ button: TeamButton; label: string }> {
  if (status === "open") return [{ button: "claim", label: "Ik pak dit op" }];
  if (status === "claimed") return [{ button: "close", label: "Afsluiten" }, { button: "close_learn", label: "Afsluiten en toevoegen aan kennisbank" }];
  return [];
}

const STUCK_STEP_NL: Record<string, string> = {
  open_thread: "de vraag in het tolkenkanaal zetten",
  update_thread: "de kop van de draad bijwerken",
  relay_to_asker: "het antwoord naar de vrager sturen",
  add_to_knowledge: "het antwoord aan de kennisbank toevoegen",
  tell_asker: "een bericht aan de vrager",
  post_in_thread: "een bericht in de draad",
  "timer:reminder": "de herinnering",
  "timer:consent_timeout": "de termijn voor toestemming",
};

/** Platform errors a coordinator can act on, in words; others are quoted as the platform gave them. */
const PLATFORM_ERRORS_NL: Array<[RegExp, string]> = [
  [/is_archived/, "het kanaal is gearchiveerd"],
  [/not_in_channel/, "de bot zit niet in het kanaal (nodig hem uit)"],
  [/channel_not_found|Unknown Channel/, "het kanaal bestaat niet (meer)"],
  [/Missing Access|Missing Permissions|missing_scope/, "de bot mist rechten in het kanaal"],
  [/metadata\.yaml/, "metadata.yaml is geen geldige YAML"],
];

/** A step that gave up ("vastgelopen"), in plain Dutch: what, where, how often, and why. */
export function stuckText(stuck: { step: string; channel: string; attempts: number; lastError: string }): string {
  const step = STUCK_STEP_NL[stuck.step] ?? STUCK_STEP_NL[stuck.step.split(":")[0]!] ?? "een stap";
  const known = PLATFORM_ERRORS_NL.find(([pattern]) => pattern.test(stuck.lastError))?.[1];
  const target = /\(in ([^)]+)\)/.exec(stuck.lastError)?.[1];
  const why = known ? `${known}${target ? ` (${target})` : ""}` : `foutmelding: “${stuck.lastError}”`;
  const via = stuck.channel === "timer" ? "" : ` via ${stuck.channel}`;
  return `${step}${via} lukt niet na ${stuck.attempts} pogingen: ${why}`;
}
