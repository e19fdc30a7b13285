import type { AskerAction } from "../../../core/conversation.js";
import { postReply, type SlackContext } from "../slack-context.js";
import type { ButtonPress } from "./on-action.js";

export const ASKER_ACTIONS: Record<string, AskerAction["action"]> = {
  vliegwiel_ask_human: "ask_human",
  vliegwiel_share: "share",
  vliegwiel_share_anonymous: "share_anonymous",
  vliegwiel_dont_share: "dont_share",
  vliegwiel_write_to_helper: "write_to_helper",
};

/**
 * "Vraag een mens" and the consent buttons. "Vraag een mens" hands off the presser's own latest
 * question in the thread (the core remembers it per person), never the thread's first message: in a
 * channel thread that may be someone else's. Someone without a question there is asked for it, privately.
 */
export async function onAskerButton(ctx: SlackContext, { press, actionId, value, channel, threadTs, eventKey, ack }: ButtonPress): Promise<void> {
  const askerAction = ASKER_ACTIONS[actionId]!;
  const reply = await ctx.core.act({
    channel: ctx.name, conversationId: `${channel}:${threadTs}`, userId: press.user.id, userName: await ctx.nameOf(press.user.id),
    action: askerAction, handoffId: value && value !== askerAction ? value : undefined, eventKey,
  });
  await ack();
  // A reply meant for the presser alone (which question? not yours to answer) is not shown to the thread.
  const onlyForPresser = reply.kind === "empty" || reply.reason === "not-allowed";
  await postReply(ctx, channel, threadTs, press.user.id, reply, { key: eventKey, direct: channel.startsWith("D"), privately: onlyForPresser });
}
