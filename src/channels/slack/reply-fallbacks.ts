import type { App } from "@slack/bolt";
import type { Logger } from "../../logger.js";
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
 */
export async function postPublicReply(client: Client, target: ReplyTarget, rendered: Rendered, fullText: string, broadcast: boolean): Promise<void> {
  // Without a thread (a DM the reply moved to), at the top of the conversation.
  const where = { channel: target.channel, ...(target.threadTs ? { thread_ts: target.threadTs, reply_broadcast: broadcast } : {}) };
  // More blocks than Slack takes in one message: several, in order (slack-limits.ts).
  const parts = inMessages(rendered);
  let index = 0;
  try {
    // Only the first part is also shown in the channel (reply_broadcast); the rest stays in the thread.
    for (; index < parts.length; index++) await client.chat.postMessage({ ...where, ...(index > 0 && target.threadTs ? { reply_broadcast: false } : {}), ...parts[index] } as PostArgs);
  } catch (error) {
    if (index > 0 || !REFUSED_CONTENT.has(slackErrorCode(error) ?? "")) throw error;
    for (const text of slackPieces(escapeSlack(fullText), PLAIN_PIECE)) await client.chat.postMessage({ ...where, text } as PostArgs);
  }
}

/**
 * A reply only the asker sees (ephemeral). When they cannot get one in this channel, it goes to their
 * DM with Vliegwiel instead (still private); when Slack refuses its blocks, as plain text.
 */
export async function postPrivateReply(client: Client, target: ReplyTarget, rendered: Rendered, fullText: string, logger: Logger): Promise<void> {
  const parts = inMessages(rendered);
  let index = 0;
  try {
    for (; index < parts.length; index++) await client.chat.postEphemeral({ channel: target.channel, user: target.user, thread_ts: target.threadTs, ...(parts[index] as { text: string }) });
    return;
  } catch (error) {
    const code = slackErrorCode(error) ?? "";
    if (index > 0) throw error;
    if (REFUSED_CONTENT.has(code)) {
      for (const text of slackPieces(escapeSlack(fullText), PLAIN_PIECE)) await client.chat.postEphemeral({ channel: target.channel, user: target.user, thread_ts: target.threadTs, text });
      return;
    }
    if (!EPHEMERAL_UNREACHABLE.has(code)) throw error;
    logger.warn(`slack: een privébericht in ${target.channel} bereikte de vrager niet (${code}); het gaat naar hun DM`);
  }
  const dm = await client.conversations.open({ users: target.user });
  const channel = dm.channel?.id;
  if (!channel) throw new Error("conversations.open gave no channel");
  await postPublicReply(client, { ...target, channel, threadTs: "" }, rendered, fullText, false);
}
