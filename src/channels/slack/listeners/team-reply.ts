import { teamRejectionText } from "../../../core/handoff/handoff-texts.js";
import { withAttachments } from "../../../core/attachments.js";
import { attachmentsOf, MENTION, type SlackContext, type SlackMessageEvent } from "../slack-context.js";
import { fromSlack } from "../slack-escape.js";

/** What a roster member writes in a handoff thread reaches the asker; others' messages stay in the thread. */
export async function teamReply(ctx: SlackContext, event: SlackMessageEvent, deliveryId: string): Promise<void> {
  const { core } = ctx;
  if (!ctx.options.deliveries.firstTime(ctx.name, deliveryId)) return;
  const member = core.team.member(event.user!);
  const handoff = member && core.team.byThread(`${event.channel}:${event.thread_ts}`);
  if (!member || !handoff) return;
  const text = withAttachments(fromSlack((event.text ?? "").replace(MENTION, "").trim()), attachmentsOf(event));
  if (!text) return;
  const result = core.team.reply(handoff.id, member, text, `slack:${deliveryId}`);
  if (!result.ok && result.code !== "duplicate" && result.code !== "not_claimer") {
    await ctx.client.chat.postEphemeral({ channel: event.channel, user: event.user!, thread_ts: event.thread_ts, text: teamRejectionText(result.code) });
  }
}
