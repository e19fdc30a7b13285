import type { App } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import type { ReplySender } from "./slack-reply-once.js";
import { escapeSlack } from "./slack-escape.js";
import { inMessages, slackPieces } from "./slack-limits.js";
import { slackErrorCode } from "./slack-transient-retry.js";

type Client = App["client"];
type PostArgs = Parameters<Client["chat"]["postMessage"]>[0];
type Rendered = { text: string; blocks: Array<Record<string, unknown>> };

/** Slack refused the message itself (too long, blocks it does not accept): the same as plain text may pass. */
const REFUSED_CONTENT = new Set(["msg_too_long", "invalid_blocks"]);
/** The asker cannot see an ephemeral message in this channel (not a member, or the bot is not). */
const EPHEMERAL_UNREACHABLE = new Set(["user_not_in_channel", "not_in_channel", "channel_not_found"]);
/** Plain-text pieces: Slack shows a message's text whole up to about 4000 characters. */
const PLAIN_PIECE = 3500;

export type ReplyTarget = { channel: string; threadTs: string; user: string };

/**
 * A public reply in the thread; when Slack refuses its blocks or length, once more as plain text
 * (no blocks), split over messages in order. Typed replies ("ja", "nee") still answer a consent question.
 * Each message goes out once, also when a connection is cut under it (slack-reply-once.ts).
 */
export async function postPublicReply(send: ReplySender, target: ReplyTarget, rendered: Rendered, fullText: string, broadcast: boolean): Promise<void> {
  // Without a thread (a DM the reply moved to), at the top of the conversation.
  const where = { channel: target.channel, ...(target.threadTs ? { thread_ts: target.threadTs, reply_broadcast: broadcast } : {}) };
  // More blocks than Slack takes in one message: several, in order (slack-limits.ts).
  const parts = inMessages(rendered);
  let index = 0;
  try {
    // Only the first part is also shown in the channel (reply_broadcast); the rest stays in the thread.
    for (; index < parts.length; index++) await send.post({ ...where, ...(index > 0 && target.threadTs ? { reply_broadcast: false } : {}), ...parts[index] } as PostArgs, String(index + 1));
  } catch (error) {
    if (index > 0 || !REFUSED_CONTENT.has(slackErrorCode(error) ?? "")) throw error;
    for (const [piece, text] of slackPieces(escapeSlack(fullText), PLAIN_PIECE).entries()) await send.post({ ...where, text } as PostArgs, `plain-${piece + 1}`);
  }
}

/**
 * A reply only the asker sees (ephemeral). When they cannot get one in this channel, it goes to their
 * DM with Vliegwiel instead (still private); when Slack refuses its blocks, as plain text.
 */
export async function postPrivateReply(send: ReplySender, target: ReplyTarget, rendered: Rendered, fullText: string, logger: Logger): Promise<void> {
  const parts = inMessages(rendered);
  let index = 0;
  try {
    for (; index < parts.length; index++) {
      const part = parts[index] as { text: string };
      await send.call("een privébericht", (client) => client.chat.postEphemeral({ channel: target.channel, user: target.user, thread_ts: target.threadTs, ...part }));
    }
    return;
  } catch (error) {
    const code = slackErrorCode(error) ?? "";
    if (index > 0) throw error;
    if (REFUSED_CONTENT.has(code)) {
      for (const text of slackPieces(escapeSlack(fullText), PLAIN_PIECE)) await send.call("een privébericht", (client) => client.chat.postEphemeral({ channel: target.channel, user: target.user, thread_ts: target.threadTs, text }));
      return;
    }
    if (!EPHEMERAL_UNREACHABLE.has(code)) throw error;
    logger.warn(`slack: een privébericht in ${target.channel} bereikte de vrager niet (${code}); het gaat naar hun DM`);
  }
  const dm = await send.call("het openen van de DM", (client) => client.conversations.open({ users: target.user }));
  const channel = dm.channel?.id;
  if (!channel) throw new Error("conversations.open gave no channel");
  await postPublicReply(send, { ...target, channel, threadTs: "" }, rendered, fullText, false);
}
