import type { Message } from "discord.js";
import { attachmentsOf } from "../discord-attachments.js";
import { withAttachments } from "../../../core/attachments.js";
import { teamRejectionText } from "../../../core/handoff/handoff-texts.js";
import { displayName, REJECTION_OVERRIDES, teamMember, type DiscordContext } from "../discord-context.js";
import { postMessage } from "../discord-rest.js";
import { plainMessage } from "../render-discord-reply.js";

/** What a tolk writes in a handoff thread reaches the asker; others' messages stay in the thread. */
export async function teamReply(ctx: DiscordContext, message: Message, threadRef: string): Promise<void> {
  const { core } = ctx;
  if (!ctx.options.deliveries.firstTime(ctx.name, message.id)) return;
  const member = teamMember(ctx, message.author.id, displayName(message), message.member?.roles.cache.map((r) => r.id) ?? []);
  const handoff = member && core.team.byThread(threadRef);
  if (!member || !handoff) return;
  const text = withAttachments(message.content.replace(/<@!?\d+>/g, "").trim(), attachmentsOf(message));
  if (!text) return;
  const result = core.team.reply(handoff.id, member, text, `discord:${message.id}`);
  if (!result.ok && result.code !== "duplicate" && result.code !== "not_claimer") {
    await postMessage(ctx.started().rest, message.channelId, plainMessage(teamRejectionText(result.code, REJECTION_OVERRIDES)), message.id);
  }
}
