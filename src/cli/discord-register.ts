import { registerCommands } from "../channels/discord/register-commands.js";
import { runCli } from "./run-cli.js";

/** npm run discord:register: registers /vraag and /vliegwiel with Discord (once, and after changes). */
runCli(async (config) => {
  if (!config.discord) {
    process.stderr.write("Discord is niet ingesteld: zet DISCORD_TOKEN en DISCORD_APPLICATION_ID in .env (zie README, 'Discord koppelen').\n");
    return 2;
  }
  const done = await registerCommands(config.discord);
  process.stdout.write(`Slash-commando's geregistreerd:\n${done.map((line) => `  ${line}`).join("\n")}\n`);
  if (!config.discord.guildIds.length) process.stdout.write("Globaal geregistreerde commando's kunnen tot een uur nodig hebben voordat ze overal zichtbaar zijn.\n");
});
