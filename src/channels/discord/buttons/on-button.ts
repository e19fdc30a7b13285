import type { ButtonInteraction } from "discord.js";
import type { DiscordContext } from "../discord-context.js";
import { parseCustomId } from "../render-discord-reply.js";
import { ASKER_ACTIONS, onAskerButton } from "./asker-buttons.js";
import { onFeedbackButton } from "./feedback-buttons.js";
import { isIntroButton, onIntroButton } from "./intro-buttons.js";
import { CONTACTABLE_BUTTONS, onContactableButton } from "../commands/initiatief.js";
import { onTeamButton } from "./team-buttons.js";
import { LESSON_SHARE_BUTTONS, onLessonShareButton, openLessonModal } from "../lesson-modal.js";

/** A button press, to the handler of its family (asker, feedback, team). */
export async function onButton(ctx: DiscordContext, interaction: ButtonInteraction): Promise<void> {
  const parsed = parseCustomId(interaction.customId);
  if (!parsed) return;
  const { action, value } = parsed;
  const eventKey = `discord:${interaction.id}`;
  if (ASKER_ACTIONS.has(action)) return onAskerButton(ctx, interaction, action, value, eventKey);
  if ((CONTACTABLE_BUTTONS as readonly string[]).includes(action)) return onContactableButton(ctx, interaction, action, value);
  if ((LESSON_SHARE_BUTTONS as readonly string[]).includes(action)) return onLessonShareButton(ctx, interaction, action, value);
  if (action === "intro_share_lesson") return openLessonModal(ctx, interaction, value ?? "");
  if (isIntroButton(action)) return onIntroButton(ctx, interaction, action, value, eventKey);
  if (action === "feedback_up" || action === "feedback_down") return onFeedbackButton(ctx, interaction, action);
  if (action === "claim" || action === "close" || action === "close_learn") return onTeamButton(ctx, interaction, action, value, eventKey);
}
