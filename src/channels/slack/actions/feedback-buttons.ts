import { questionOf, type SlackContext } from "../slack-context.js";
import type { ButtonPress } from "./on-action.js";
import { CHANNEL_NL } from "../../../core/channel-texts-nl.js";

/** "Nuttig" / "Niet nuttig" under an answer: counted once per person and thread. */
export async function onFeedbackButton(ctx: SlackContext, { press, actionId, channel, threadTs, ack }: ButtonPress): Promise<void> {
  await ack();
  if (!ctx.options.deliveries.firstTime(`${ctx.name}-feedback`, `${channel}:${threadTs}:${press.user.id}`)) return;
  ctx.core.feedback({ channel: ctx.name, conversationId: `${channel}:${threadTs}`, helpful: actionId.endsWith("up"), question: await questionOf(ctx, channel, threadTs) });
  await ctx.client.chat.postEphemeral({ channel, user: press.user.id, thread_ts: threadTs, text: CHANNEL_NL.feedbackThanks });
}
