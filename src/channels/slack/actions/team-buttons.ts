import { teamRejectionText } from "../../../core/handoff/handoff-texts.js";
import type { SlackContext } from "../slack-context.js";
import type { ButtonPress } from "./on-action.js";

/** "Ik pak dit op" and the close buttons on a handoff thread's head. */
export async function onTeamButton(ctx: SlackContext, { press, actionId, value, channel, eventKey, ack }: ButtonPress): Promise<void> {
  const { core } = ctx;
  const button = actionId.replace(/^vliegwiel_/, "");
  if (button !== "claim" && button !== "close" && button !== "close_learn") return ack();
  const result = core.team.press(value ?? "", core.team.member(press.user.id), button, eventKey);
  await ack();
  if (!result.ok && result.code !== "duplicate") {
    await ctx.client.chat.postEphemeral({ channel, user: press.user.id, text: teamRejectionText(result.code) });
  }
}
