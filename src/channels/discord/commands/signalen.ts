import { MessageFlags, type ChatInputCommandInteraction } from "discord.js";
import { vouchForKnowledgeRole, type DiscordContext } from "../discord-context.js";
import { asReplyOptions } from "../discord-rest.js";
import { plainMessage } from "../render-discord-reply.js";
import { CHANNEL_NL } from "../../../core/channel-texts-nl.js";

/** `/vliegwiel signalen [dagen]`: the signals report, privately, for coordinators. */
export async function onSignals(ctx: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const days = interaction.options.getInteger("dagen") ?? 30;
  vouchForKnowledgeRole(ctx, interaction); // coordinators on the roster see the report either way
  const report = ctx.core.team.signals(interaction.user.id, days);
  await interaction.reply({ ...asReplyOptions(plainMessage(report ?? CHANNEL_NL.signalsForCoordinatorsOnly)), flags: MessageFlags.Ephemeral });
}
