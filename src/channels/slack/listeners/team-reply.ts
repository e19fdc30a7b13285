import { teamRejectionText } from "../../../core/handoff/handoff-texts.js";
import type { SlackContext, SlackMessageEvent } from "../slack-context.js";
import { fromSlack } from "../slack-escape.js";

/** What a roster member writes in a handoff thread reaches the asker; others' messages stay in the thread. */
export async function teamReply(ctx: SlackContext, event: SlackMessageEvent, deliveryId: string): Promise<void> {
  const { core } = ctx;
  if (!ctx.options.deliveries.firstTime(ctx.name, deliveryId)) return;
  const member = core.team.member(event.user!);
  const handoff = member && core.team.byThread(`${event.channel}:${event.thread_ts}`);
  if (!member || !handoff) return;
  const result = core.team.reply(handoff.id, member, fromSlack(event.text ?? ""), `slack:${deliveryId}`);
  if (!result.ok && result.code !== "duplicate" && result.code !== "not_claimer") {
    await ctx.client.chat.postEphemeral({ channel: event.channel, user: event.user!, thread_ts: event.thread_ts, text: teamRejectionText(result.code) });
  }
}
