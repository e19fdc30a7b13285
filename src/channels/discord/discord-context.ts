import { ChannelType, type ButtonInteraction, type ChatInputCommandInteraction, type Client, type Message } from "discord.js";
import type { CoreApi } from "../../core/channel.js";
import type { Person } from "../../core/handoff/handoff-types.js";
import type { DiscordChannelOptions } from "./discord-settings.js";
import { CHANNEL_NL } from "../../core/channel-texts-nl.js";

/** What every Discord listener, command and button handler works with. */
export type DiscordContext = {
  readonly name: string;
  readonly options: DiscordChannelOptions;
  readonly core: CoreApi;
  /** The connected client (throws when the channel is not started). */
  started(): Client;
};

/** Threads Vliegwiel answered in: follow-ups there reach it without a new mention. */
export const THREADS = "discord-thread";

/** Who may act is decided by Discord roles when they are mapped in config. */
export const REJECTION_OVERRIDES = { not_on_roster: CHANNEL_NL.needsTeamRole };

export function inScope(ctx: DiscordContext, guildId: string | null): boolean {
  return !guildId || ctx.options.guildIds.length === 0 || ctx.options.guildIds.includes(guildId);
}

/**
 * The person as a team member, if they may act: with team roles mapped in config, a mapped role
 * decides (checked now, on this action); without, the roster does.
 */
export function teamMember(ctx: DiscordContext, userId: string, name: string, roles: readonly string[]): Person | undefined {
  const mapped = ctx.options.teamRoleIds;
  if (mapped.length === 0) return ctx.core.team.member(userId);
  return roles.some((role) => mapped.includes(role)) ? ctx.core.team.vouch(userId, name, ["team"]) : undefined;
}

/**
 * With knowledge roles mapped in config: whether the person holds one now (and if so, the core is
 * told, so it lets them manage knowledge). Without mapped roles the roster's coordinators decide in
 * the core, so this is true.
 */
export function vouchForKnowledgeRole(ctx: DiscordContext, interaction: ChatInputCommandInteraction): boolean {
  const mapped = ctx.options.knowledgeRoleIds;
  if (mapped.length === 0) return true;
  if (!memberRoles(interaction).some((role) => mapped.includes(role))) return false;
  ctx.core.team.vouch(interaction.user.id, interaction.user.displayName, ["knowledge"]);
  return true;
}

/** In a thread or DM the conversation is the channel; in a plain channel, the answer's thread or the answer itself. */
export function conversationOf(ctx: DiscordContext, interaction: ChatInputCommandInteraction | ButtonInteraction, messageId: string): string {
  const channel = interaction.channel;
  const whole = !interaction.guildId || channel?.isThread() || channel?.type === ChannelType.DM;
  if (whole) return interaction.channelId;
  // An answer that has its own thread (after /vraag): the conversation lives in that thread.
  return ctx.options.deliveries.has(THREADS, messageId) ? messageId : `${interaction.channelId}:${messageId}`;
}

export function memberRoles(interaction: ChatInputCommandInteraction | ButtonInteraction): string[] {
  const roles = interaction.member?.roles;
  if (!roles) return [];
  return Array.isArray(roles) ? roles : roles.cache.map((r) => r.id);
}

export function displayName(message: Message): string {
  return message.member?.displayName ?? message.author.displayName;
}
