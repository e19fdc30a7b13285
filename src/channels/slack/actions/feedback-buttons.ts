import { questionOf, type SlackContext } from "../slack-context.js";
import type { ButtonPress } from "./on-action.js";
import { CHANNEL_NL } from "../../../core/channel-texts-nl.js";
import { questionInFeedbackValue } from "../feedback-value.js";

/**
 * "Nuttig" / "Niet nuttig" under an answer: about the question that answer answered (carried in the
 * button's value), counted once per person and answer, so a press on an earlier answer in the thread
 * counts for that one and a second press on the same answer not at all.
 */
export async function onFeedbackButton(ctx: SlackContext, { press, actionId, value, channel, threadTs, ack }: ButtonPress): Promise<void> {
  await ack();
  const answerTs = press.container?.message_ts ?? press.message?.ts ?? threadTs;
  const carried = questionInFeedbackValue(value);
  const { deliveries } = ctx.options;
  // Buttons posted before they carried their question were counted per person and thread: a press
  // recorded under that older key has been counted already, whichever of those answers it was under.
  if (carried === undefined && deliveries.has(`${ctx.name}-feedback`, `${channel}:${threadTs}:${press.user.id}`)) return;
  if (!deliveries.firstTime(`${ctx.name}-feedback`, `${channel}:${answerTs}:${press.user.id}`)) return;
  // Answers posted before the buttons carried their question: the thread's first one, as then.
  const question = carried ?? (await questionOf(ctx, channel, threadTs));
  ctx.core.feedback({ channel: ctx.name, conversationId: `${channel}:${threadTs}`, helpful: actionId.endsWith("up"), question, userId: press.user.id });
  await ctx.client.chat.postEphemeral({ channel, user: press.user.id, thread_ts: threadTs, text: CHANNEL_NL.feedbackThanks });
}
