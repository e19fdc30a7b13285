import { megabytes } from "./dutch-numbers.js";
import { MAX_SIGNAL_DAYS } from "./handoff/signal-report.js";

/**
 * What chat channels show around answers and handoffs, in plain Dutch. Together with replies-nl.ts
 * (the assistant's replies) and handoff/handoff-texts.ts (every step of a handoff) this is the one
 * home of user texts: adapters render these, they do not write their own.
 */
export const CHANNEL_NL = {
  feedbackThanks: "Dank je voor je reactie!",
  /** A file passed on with a relayed message. */
  attachment: (name: string, url: string) => `Bijlage: ${name} (${url})`,
  searching: "zoekt in de kennisbank…",
  suggestedPromptsTitle: "Bijvoorbeeld:",
  suggestedPrompts: [
    "Hoe houden we vrijwilligers betrokken?",
    "Welke financiering is er naast subsidies?",
    "Hoe werken we goed samen met de gemeente?",
  ],
  serverNotEnabled: "Vliegwiel is op deze server niet ingeschakeld.",
  signalsForCoordinatorsOnly: "Dit overzicht is voor coördinatoren van het netwerk.",
  addDocumentNeedsKnowledgeRole: "Documenten toevoegen kan alleen met de beheerdersrol voor de kennisbank.",
  addDocumentNeedsSource: "Voeg een bestand toe, of geef het adres van een webpagina.",
  addDocumentTooLarge: (name: string, mb: number, maxMb: number) => `${name}: te groot (${mb} MB; het maximum is ${maxMb} MB).`,
  /** A file over INGEST_MAX_FILE_MB: its size when known, the limit and the setting, as the command line says it. */
  addDocumentOverLimit: (sizeBytes: number | undefined, maxBytes: number) =>
    `Het bestand is te groot (${sizeBytes ? `${megabytes(sizeBytes)}; ` : ""}maximum ${megabytes(maxBytes)}, in te stellen met INGEST_MAX_FILE_MB).`,
  addDocumentNameTooLong: (maxChars: number) => `De bestandsnaam is te lang (hooguit ${maxChars} tekens, minder met letters als ë of é). Geef het bestand een kortere naam en probeer het opnieuw.`,
  addDocumentDownloadFailed: (name: string) => `${name}: kon het bestand niet ophalen bij Discord. Probeer het nog eens.`,
  addDocumentForCoordinatorsOnly: "Documenten toevoegen kan alleen voor coördinatoren van het netwerk (zie de lijst van tolken en coördinatoren).",
  /** Where platform roles decide who may act (Discord roles mapped in the settings). */
  needsTeamRole: "Je hebt hier de rol van tolk of vrije actor voor nodig (of een plek op de lijst van tolken en vrije actoren).",
  homeHowToAsk: "Vragen? Noem @Vliegwiel in een kanaal, stuur een direct bericht, of gebruik `/vliegwiel`.",
  homeTeamHeader: "Vragen voor jou en het team",
  homeOpen: "Open",
  homeClaimedByYou: "Door jou opgepakt",
  /** The same word as the signals use for a question without a theme. */
  homeWithoutTheme: "overig",
  homeNothingWaiting: "Geen open vragen. Mooi zo!",
  slashCommandQuestion: (user: string, text: string) => `${user} vraagt: ${text}`,
  /** Slack: a file shared with Vliegwiel in a direct message. */
  fileReceived: (name: string) => `${name} ontvangen; ik lees het in de kennisbank in…`,
  fileDownloadFailed: (name: string) => `${name}: kon het bestand niet ophalen bij Slack. Probeer het nog eens.`,
  fileWithoutDownload: "Dit bestand kan ik niet ophalen (is het een Google Doc of een link? Deel dan het bestand zelf, of geef het webadres met /vliegwiel).",
  signalsDaysHint: `Geef het aantal dagen als getal van 1 tot ${MAX_SIGNAL_DAYS}, bijvoorbeeld: /vliegwiel signalen 30`,
} as const;

/** Why the assistant decided as it did, in words for maintainers (the codes stay in the log and the database). */
const REASON_NL: Record<string, string> = {
  "answerable": "beantwoord",
  "not-in-knowledge": "niet in de kennisbank",
  "asked-for-human": "wilde een mens spreken",
  "live-facts": "actuele gegevens",
  "small-talk": "groet of bedankje",
  "not-allowed": "niet toegestaan",
  "error": "fout",
  "gids": "uit de initiatievengids",
};

export function reasonText(reason: string): string {
  return REASON_NL[reason] ?? "anders";
}
