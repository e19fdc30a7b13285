import { registerCommands } from "../channels/discord/register-commands.js";
import { runCli } from "./run-cli.js";

/** npm run discord:register: registers /vraag and /vliegwiel with Discord (once, and after changes). */
runCli(async (config) => {
  if (!config.discord) {
    process.stderr.write("Discord is niet ingesteld: zet DISCORD_TOKEN en DISCORD_APPLICATION_ID in .env (zie README, onder 'Discord').\n");
    return 2;
  }
  const done = await registerCommands(config.discord).catch((error: unknown) => {
    throw new Error(refusal(error));
  });
  process.stdout.write(`Slash-commando's geregistreerd:\n${done.map((line) => `  ${line}`).join("\n")}\n`);
  if (!config.discord.guildIds.length) process.stdout.write("Globaal geregistreerde commando's kunnen tot een uur nodig hebben voordat ze overal zichtbaar zijn.\n");
});

/**
 * Discord's refusal said in Dutch, with what to check; discord.js's own English message ("401: Unauthorized",
 * "Missing Access") only at LOG_LEVEL=debug, as for ingestion.
 */
function refusal(error: unknown): string {
  const status = (error as { status?: number }).status;
  if (process.env.LOG_LEVEL === "debug") process.stderr.write(`${(error as Error).message}\n`);
  if (status === 401) return `Discord weigerde de token (HTTP 401): zet in DISCORD_TOKEN de token van de bot (Developer Portal → Bot → Reset Token)`;
  if (status === 403 || status === 404) {
    return `Discord weigerde het registreren (HTTP ${status}): controleer DISCORD_APPLICATION_ID, en of de bot met de scope applications.commands is uitgenodigd in de servers van DISCORD_GUILD_IDS`;
  }
  if (status === undefined) return `Discord is niet bereikbaar; controleer de internetverbinding en probeer het opnieuw`;
  return `Discord weigerde het registreren (HTTP ${status}); probeer het later opnieuw`;
}
