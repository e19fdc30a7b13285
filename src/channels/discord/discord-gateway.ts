import { Client, Events, GatewayIntentBits, Partials, type Interaction, type Message } from "discord.js";
import type { DiscordChannelOptions } from "./discord-settings.js";

const READY_TIMEOUT_MS = 30_000;

/**
 * Connects to Discord's gateway and hands every message and interaction to the listeners; resolves
 * once READY arrived. discord.js keeps the gateway connected (heartbeats, resume).
 */
export async function connectGateway(
  options: DiscordChannelOptions,
  listeners: { message(message: Message): Promise<void>; interaction(interaction: Interaction): Promise<void> },
  /** Called with the client before it logs in: events may arrive as soon as READY has. */
  created: (client: Client) => void,
): Promise<Client> {
  const intents = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];
  if (options.messageContentIntent) intents.push(GatewayIntentBits.MessageContent);
  const client = new Client({
    intents,
    partials: [Partials.Channel], // direct-message channels arrive uncached
    allowedMentions: { parse: [] },
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
  created(client);
  const log = options.logger;
  const guard = (what: string, work: () => Promise<void>) => {
    work().catch((error: unknown) => log.error(`discord: verwerken van ${what} mislukt: ${(error as Error).message}`));
  };
  client.on(Events.MessageCreate, (message) => guard("message", () => listeners.message(message)));
  client.on(Events.InteractionCreate, (interaction) => guard("interaction", () => listeners.interaction(interaction)));
  client.on(Events.Error, (error) => log.error(`discord: ${error.message}`));
  client.on(Events.Warn, (message) => log.warn(`discord: ${message}`));
  client.on(Events.ShardDisconnect, (event) => log.warn(`discord: gateway gesloten (${event.code}); discord.js maakt opnieuw verbinding`));
  // A dropped connection is a warning (once per outage), and its end says how long it lasted.
  let lostAt: number | undefined;
  client.on(Events.ShardReconnecting, () => {
    if (lostAt !== undefined) return;
    lostAt = Date.now();
    log.warn("discord: verbinding met de gateway verloren; opnieuw verbinden (berichten en knoppen wachten tot ze terug is)");
  });
  const back = (how: string) => {
    const outage = lostAt === undefined ? "" : ` na ${Math.round((Date.now() - lostAt) / 1000)} s`;
    lostAt = undefined;
    log.info(`discord: gateway ${how}${outage}`);
  };
  client.on(Events.ShardResume, (_id, replayed) => back(`hervat (${replayed} gemiste gebeurtenissen nagestuurd)`));
  client.on(Events.ShardReady, () => lostAt !== undefined && back("weer verbonden"));

  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`Discord gaf binnen ${READY_TIMEOUT_MS / 1000} s geen verbinding (geen READY); controleer de internetverbinding en probeer het opnieuw`)), READY_TIMEOUT_MS);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    // A failed login leaves no READY timer behind to reject, unhandled, later.
    clearTimeout(timer);
    await client.destroy();
    throw new Error(explainLoginError(error as Error));
  }
  log.info(`Discord verbonden als ${client.user?.tag} (${client.guilds.cache.size} ${client.guilds.cache.size === 1 ? "server" : "servers"})`);
  return client;
}

function explainLoginError(error: Error): string {
  if (/disallowed intent/i.test(error.message)) {
    return "Discord weigert de Message Content intent. Zet 'Message Content Intent' aan in het Developer Portal (Bot → Privileged Gateway Intents), of zet DISCORD_MESSAGE_CONTENT_INTENT=false.";
  }
  if (/token/i.test(error.message)) return "Discord weigert DISCORD_TOKEN: kopieer het bot-token opnieuw uit het Developer Portal (Bot → Reset Token).";
  return `Discord: verbinden mislukt: ${error.message}`;
}
