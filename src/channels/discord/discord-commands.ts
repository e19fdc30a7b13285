import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType, type RESTPutAPIApplicationCommandsJSONBody } from "discord.js";
import { MAX_SIGNAL_DAYS } from "../../core/handoff/signal-report.js";

/** The slash commands, registered once by `npm run discord:register` (not at every start). */
export const DISCORD_COMMANDS: RESTPutAPIApplicationCommandsJSONBody = [
  {
    name: "vraag",
    type: ApplicationCommandType.ChatInput,
    description: "Stel een vraag aan Vliegwiel",
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    options: [{ type: ApplicationCommandOptionType.String, name: "vraag", description: "Je vraag, in je eigen woorden", required: true, max_length: 4000 }],
  },
  {
    name: "vliegwiel",
    type: ApplicationCommandType.ChatInput,
    description: "Vliegwiel: uitleg en de kennisbank",
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    options: [
      { type: ApplicationCommandOptionType.Subcommand, name: "help", description: "Hoe werkt Vliegwiel?" },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "kennis-toevoegen",
        description: "Voeg een document of webpagina toe aan de kennisbank (voor beheerders)",
        options: [
          { type: ApplicationCommandOptionType.Attachment, name: "bestand", description: "PDF, Word (.docx), Markdown, tekst of HTML", required: false },
          { type: ApplicationCommandOptionType.String, name: "url", description: "Adres van een webpagina", required: false },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: "signalen",
        description: "Wat speelt er in het netwerk? (voor coördinatoren)",
        options: [{ type: ApplicationCommandOptionType.Integer, name: "dagen", description: "Over hoeveel dagen (standaard 30)", required: false, min_value: 1, max_value: MAX_SIGNAL_DAYS }],
      },
    ],
  },
  {
    name: "initiatief",
    type: ApplicationCommandType.ChatInput,
    description: "Het profiel van jullie initiatief in de initiatievengids maken of aanpassen",
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  },
];
