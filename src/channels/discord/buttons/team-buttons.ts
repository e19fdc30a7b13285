import { MessageFlags, type ButtonInteraction } from "discord.js";
import type { TeamButton } from "../../../core/channel.js";
import { teamRejectionText } from "../../../core/handoff/handoff-texts.js";
import { memberRoles, REJECTION_OVERRIDES, teamMember, type DiscordContext } from "../discord-context.js";
import { asReplyOptions } from "../discord-rest.js";
import { plainMessage } from "../render-discord-reply.js";

/** "Ik pak dit op" and the close buttons on a handoff thread's head. */
export async function onTeamButton(ctx: DiscordContext, interaction: ButtonInteraction, action: TeamButton, value: string | undefined, eventKey: string): Promise<void> {
  const member = teamMember(ctx, interaction.user.id, interaction.user.displayName, memberRoles(interaction));
  const result = ctx.core.team.press(value ?? "", member, action, eventKey);
  if (result.ok || result.code === "duplicate") await interaction.deferUpdate(); // the head message is updated by the sink
  else await interaction.reply({ ...asReplyOptions(plainMessage(teamRejectionText(result.code, REJECTION_OVERRIDES))), flags: MessageFlags.Ephemeral });
}
