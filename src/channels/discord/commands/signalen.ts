import { MessageFlags, type ChatInputCommandInteraction } from "discord.js";
import { vouchForKnowledgeRole, type DiscordContext } from "../discord-context.js";
import { asReplyOptions } from "../discord-rest.js";
import { plainMessages } from "../render-discord-reply.js";
import { CHANNEL_NL } from "../../../core/channel-texts-nl.js";

/** `/vliegwiel signalen [dagen]`: the signals report, privately, for coordinators. */
export async function onSignals(ctx: DiscordContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const days = interaction.options.getInteger("dagen") ?? 30;
  vouchForKnowledgeRole(ctx, interaction); // coordinators on the roster see the report either way
  const report = ctx.core.team.signals(interaction.user.id, days);
  // A long report (many signals) comes in several private messages, in order.
  const [first, ...more] = plainMessages(report ?? CHANNEL_NL.signalsForCoordinatorsOnly);
  await interaction.reply({ ...asReplyOptions(first!), flags: MessageFlags.Ephemeral });
  for (const message of more) await interaction.followUp({ ...asReplyOptions(message), flags: MessageFlags.Ephemeral });
}
