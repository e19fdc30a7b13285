import { MessageFlags, type Interaction } from "discord.js";
import { NL } from "../../../core/replies-nl.js";
import { onButton } from "../buttons/on-button.js";
import { onAddKnowledge } from "../commands/kennis-toevoegen.js";
import { onSignals } from "../commands/signalen.js";
import { onAsk } from "../commands/vraag.js";
import { onProfileCommand, onProfileSubmit, PROFILE_MODAL } from "../commands/initiatief.js";
import { inScope, type DiscordContext } from "../discord-context.js";
import { LESSON_MODAL, onLessonSubmit } from "../lesson-modal.js";
import { asReplyOptions } from "../discord-rest.js";
import { plainMessage } from "../render-discord-reply.js";
import { CHANNEL_NL } from "../../../core/channel-texts-nl.js";

/** Slash commands and button presses, each to its own handler. */
export async function onInteraction(ctx: DiscordContext, interaction: Interaction): Promise<void> {
  if (!interaction.isChatInputCommand() && !interaction.isButton() && !interaction.isModalSubmit()) return;
  if (!inScope(ctx, interaction.guildId)) {
    // Never leave a press or command unanswered ("interaction failed"): say why, privately.
    await interaction.reply({ ...asReplyOptions(plainMessage(CHANNEL_NL.serverNotEnabled)), flags: MessageFlags.Ephemeral });
    return;
  }
  if (!ctx.options.deliveries.firstTime(`${ctx.name}-interaction`, interaction.id)) return; // replayed
  if (interaction.isButton()) return onButton(ctx, interaction);
  if (interaction.isModalSubmit() && interaction.customId.startsWith(`${LESSON_MODAL}:`)) return onLessonSubmit(ctx, interaction);
  if (interaction.isModalSubmit()) return interaction.customId.startsWith(`${PROFILE_MODAL}:`) ? onProfileSubmit(ctx, interaction) : undefined;
  if (interaction.commandName === "initiatief") return onProfileCommand(ctx, interaction);
  if (interaction.commandName === "vraag") return onAsk(ctx, interaction);
  if (interaction.commandName !== "vliegwiel") return;
  const sub = interaction.options.getSubcommand(false) ?? "help";
  if (sub === "kennis-toevoegen") return onAddKnowledge(ctx, interaction);
  if (sub === "signalen") return onSignals(ctx, interaction);
  await interaction.reply({ ...asReplyOptions(plainMessage(NL.help)), flags: MessageFlags.Ephemeral });
}
