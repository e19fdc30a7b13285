import { REST, Routes } from "discord.js";
import { DISCORD_COMMANDS } from "./discord-commands.js";

export type RegisterOptions = { token: string; applicationId: string; guildIds: readonly string[]; apiUrl?: string };

/**
 * Registers the slash commands with Discord: per server when servers are listed (they appear at
 * once), else globally (Discord may take up to an hour to show them everywhere). Registering again
 * replaces the set, so it is safe to repeat.
 */
export async function registerCommands(options: RegisterOptions): Promise<string[]> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const where = options.guildIds.length ? options.guildIds.map((guildId) => ({ guildId, route: Routes.applicationGuildCommands(options.applicationId, guildId) })) : [{ guildId: undefined, route: Routes.applicationCommands(options.applicationId) }];
  const done: string[] = [];
  for (const { guildId, route } of where) {
    const registered = (await rest.put(route, { body: DISCORD_COMMANDS })) as Array<{ name: string }>;
    done.push(`${guildId ? `server ${guildId}` : "alle servers (globaal)"}: ${registered.map((c) => `/${c.name}`).join(", ")}`);
  }
  return done;
}
