import type { SlackContext } from "./slack-context.js";
import { CHANNEL_NL } from "../../core/channel-texts-nl.js";
import { escapeSlack, slackMention } from "./slack-escape.js";
import { KeptForNextStart, retryTransient } from "../retry-transient.js";
import { slackRetry } from "./slack-reply-once.js";
import { findPostedWith } from "./slack-post-once.js";
import { splitThreadRef } from "./slack-handoff-sink.js";

/** The metadata event type of a `/vliegwiel` question's echo in the channel, which carries the command's trigger id. */
const ECHO_METADATA_TYPE = "vliegwiel_slash_question";
/** Deliveries namespace: commands whose handling started (a second start is one a crash cut off). */
const STARTED = "slack-command";

export type Echo = { ts: string; answered: boolean } | undefined;

/**
 * Posts a `/vliegwiel` question in the channel ("<@U…> vraagt: …"), once per command: the echo carries
 * the trigger id in its metadata, and a command handled again after a restart (slash commands go through
 * the event inbox) finds its earlier echo, and whether its thread already has an answer, instead of
 * posting the question twice. Undefined when the bot cannot post in the channel (then it answers privately).
 */
export async function echoSlashQuestion(ctx: SlackContext, command: { channel_id: string; user_id: string; trigger_id: string }, text: string): Promise<Echo> {
  const { options } = ctx;
  if (!options.deliveries.firstTime(STARTED, command.trigger_id)) {
    const earlier = await findEcho(ctx, command.channel_id, command.trigger_id);
    if (earlier) return earlier;
  }
  // Through the reply client, which does not re-send by itself: a try cut off by network trouble is
  // tried again (slack-reply-once.ts) after a look whether the echo landed after all.
  const since = new Date().toISOString();
  const payload = { trigger_id: command.trigger_id };
  let echo: Echo;
  const post = async () => {
    const posted = await ctx.replyClient.chat.postMessage({
      channel: command.channel_id,
      text: CHANNEL_NL.slashCommandQuestion(slackMention(command.user_id) ?? "", escapeSlack(text)),
      metadata: { event_type: ECHO_METADATA_TYPE, event_payload: payload },
    });
    echo = posted.ts ? { ts: posted.ts, answered: false } : undefined;
  };
  const lookThenPost = async () => {
    const found = await findPostedWith(ctx.replyClient, { channel: command.channel_id }, { eventType: ECHO_METADATA_TYPE, payload, since });
    if (found) echo = { ts: splitThreadRef(found).ts, answered: false };
    else await post();
  };
  try {
    await retryTransient(`de vraag van /vliegwiel ${command.trigger_id}`, post, lookThenPost, slackRetry({ logger: options.logger, stopped: ctx.stopped }));
    return echo;
  } catch (error) {
    if (error instanceof KeptForNextStart) throw error;
    // Not invited to this channel (or a private one): answer privately instead of failing silently.
    options.logger.warn(`slack: kan niet posten in ${command.channel_id} (${(error as Error).message}); /vliegwiel wordt privé beantwoord`);
    return undefined;
  }
}

async function findEcho(ctx: SlackContext, channel: string, triggerId: string): Promise<Echo> {
  const since = (Date.now() / 1000 - 24 * 3600).toFixed(6);
  const history = await ctx.client.conversations.history({ channel, oldest: since, include_all_metadata: true, limit: 200 }).catch(() => undefined);
  type Found = { ts?: string; reply_count?: number; metadata?: { event_type?: string; event_payload?: Record<string, unknown> } };
  const echo = ((history?.messages ?? []) as Found[]).find((m) => m.metadata?.event_type === ECHO_METADATA_TYPE && m.metadata.event_payload?.trigger_id === triggerId);
  if (!echo?.ts) return undefined;
  const thread = await ctx.client.conversations.replies({ channel, ts: echo.ts, limit: 2 }).catch(() => undefined);
  return { ts: echo.ts, answered: (thread?.messages?.length ?? 0) > 1 || (echo.reply_count ?? 0) > 0 };
}
