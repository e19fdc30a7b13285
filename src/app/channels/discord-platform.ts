import { DiscordChannel } from "../../channels/discord/discord-channel.js";
import type { ChatPlatform } from "./chat-platform.js";

/** Discord, when DISCORD_TOKEN is set; the team works in Discord when DISCORD_HANDOFF_CHANNEL_ID is set. */
export const discordPlatform: ChatPlatform = ({ config, logger, deliveries, inbox, platformId, texts }) => {
  if (!config.discord) return undefined;
  const adapter = new DiscordChannel({ ...config.discord, deliveries, inbox, logger: logger.child({ component: "discord" }), maxFileBytes: config.ingestMaxFileBytes });
  const sink = adapter.handoffSink(texts, (userId) => platformId(userId, "discord"));
  return { adapter, askerSink: sink, teamSink: config.discord.handoffChannelId ? sink : undefined, introSink: adapter.introSink() };
};
