import type { App } from "@slack/bolt";
import type { Attachment } from "../../core/attachments.js";
import type { CoreApi } from "../../core/channel.js";
import type { Reply } from "../../core/reply.js";
import type { Logger } from "../../logger.js";
import type { DeliveryMemory, EventInbox } from "../ports.js";
import { renderSlackReply } from "./render-slack-reply.js";
import { slackErrorCode } from "./slack-transient-retry.js";
import { KeptForNextStart } from "../retry-transient.js";
import { fromSlack } from "./slack-escape.js";
import { dmThreadAwaitingConsent } from "./dm-consent-thread.js";
import { postPrivateReply, postPublicReply } from "./reply-fallbacks.js";
import { replySender, type ReplySender } from "./slack-reply-once.js";

export type SlackChannelOptions = {
  botToken: string;
  signingSecret: string;
  /** Socket Mode when set (no public URL needed); else HTTP on `port` at /slack/events. */
  appToken?: string;
  port: number;
  /** Web API base URL, default Slack's own (tests and proxies point it elsewhere). */
  apiUrl?: string;
  /** Channel id of the tolken's channel, when the team handles handoffs in Slack. */
  handoffChannel?: string;
  autoAnswerChannels: readonly string[];
  deliveries: DeliveryMemory;
  /** Events kept from before their acknowledgement until handled (a crash in between loses none). */
  inbox?: EventInbox;
  logger: Logger;
  /** Largest file a coordinator may share to be read into the knowledge store. */
  maxFileBytes?: number;
};

/** What every Slack listener, command and action handler works with. */
export type SlackContext = {
  readonly name: string;
  readonly options: SlackChannelOptions;
  readonly core: CoreApi;
  readonly client: App["client"];
  /**
   * The client replies to people go out with: it never sends a request again by itself (postReply
   * does, after looking whether the first try landed), and gives up on a request after a time limit.
   */
  readonly replyClient: App["client"];
  /** Whether the channel was stopped (a reply still being tried is then left in the inbox for the next start). */
  readonly stopped: () => boolean;
  /** A person's workspace name, to name them without a ping (slack-names.ts). */
  readonly nameOf: (userId: string) => Promise<string>;
};

export type SlackMessageEvent = {
  type: string;
  subtype?: string;
  bot_id?: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  channel: string;
  channel_type?: string;
  /** Files shared with the message (subtype file_share). */
  files?: Array<{ name?: string; title?: string; permalink?: string; url_private?: string }>;
};

/** Subtypes that are a person's new message like any other: with files, or also sent to the channel. */
const PERSON_SUBTYPES = new Set(["file_share", "thread_broadcast"]);

/** The files of a message as name and link. */
export function attachmentsOf(event: SlackMessageEvent): Attachment[] {
  return (event.files ?? []).map((f) => ({ name: f.name ?? f.title ?? "bestand", url: f.permalink ?? f.url_private ?? "" }));
}

export const MENTION = /<@[A-Z0-9]+>/g;
/** Threads Vliegwiel answered in: follow-ups there reach it without a new mention. */
export const THREADS = "slack-thread";

/** Deliveries namespace: replies whose sending started (a second start is a restart handling the event again). */
const REPLYING = "slack-reply";

export type ReplyOptions = {
  /** The event, command or press the reply answers (its event key): its messages carry it, so none is posted twice. */
  key: string;
  /** In a DM: the reply is public there. */
  direct: boolean;
  /** What concerns `user` alone: only to them (ephemeral) outside DMs. */
  privately?: boolean;
  /** The person wrote outside the thread, so the reply shows there too. */
  broadcast?: boolean;
  /** What the reply answers, for its feedback buttons. */
  question?: string;
};

/**
 * Sends the messages of the reply to `key` (the event, command or press it answers) in the thread
 * `threadTs`, each once however often a connection is cut (slack-reply-once.ts).
 */
export function sendOnce(ctx: SlackContext, key: string, threadTs: string): ReplySender {
  const since = new Date(threadTs ? Number(threadTs) * 1000 : Date.now()).toISOString();
  const handledBefore = !ctx.options.deliveries.firstTime(REPLYING, key);
  return replySender(ctx.replyClient, { key, since, handledBefore }, { logger: ctx.options.logger, stopped: ctx.stopped });
}

/**
 * Posts a reply in the asker's thread, each message once (slack-reply-once.ts); consent questions (and
 * `privately`) only to the asker (ephemeral) outside DMs.
 */
export async function postReply(ctx: SlackContext, channel: string, threadTs: string, user: string, reply: Reply, how: ReplyOptions): Promise<void> {
  const { options } = ctx;
  const { direct, privately = false, broadcast = false, question } = how;
  const rendered = renderSlackReply(reply, question);
  const send = sendOnce(ctx, how.key, threadTs);
  const privateReply = !direct && (privately || (reply.actions ?? []).some((a) => a === "share" || a === "share_anonymous" || a === "dont_share"));
  try {
    // Fallbacks (reply-fallbacks.ts): plain text when Slack refuses the blocks, the asker's DM when an ephemeral cannot reach them.
    // `broadcast`: the person wrote outside the thread, so the reply shows there too.
    if (privateReply) await postPrivateReply(send, { channel, threadTs, user }, rendered, reply.text, options.logger);
    else await postPublicReply(send, { channel, threadTs, user }, rendered, reply.text, broadcast);
  } catch (error) {
    // Kept in the inbox for the next start: not lost, and said so by the retry's own log line.
    if (error instanceof KeptForNextStart) throw error;
    // Transient errors were already retried: say which reply was lost, where, and why (never its text).
    const code = slackErrorCode(error) ?? (error as Error).message;
    options.logger.error(`slack: het bericht (${reply.kind})${reply.handoffId ? ` van doorgegeven vraag ${reply.handoffId}` : ""} in ${channel} (thread ${threadTs}) kon niet geplaatst worden: ${code}`);
    throw error;
  }
  options.deliveries.firstTime(THREADS, `${channel}:${threadTs}`);
}

/** Answers a person's message in its thread (once per delivery). */
export async function answer(ctx: SlackContext, event: SlackMessageEvent, deliveryId: string): Promise<void> {
  const { client, core, options } = ctx;
  if (!isFromPerson(event)) return;
  if (!options.deliveries.firstTime(ctx.name, deliveryId)) return; // Slack retry or duplicate
  // In a DM, a top-level message continues a thread whose consent question waits (dm-consent-thread.ts).
  const consentThread = await dmThreadAwaitingConsent(ctx, event);
  const threadTs = event.thread_ts ?? consentThread ?? event.ts;
  await client.reactions.add({ channel: event.channel, timestamp: event.ts, name: "eyes" }).catch(() => undefined);
  const question = fromSlack((event.text ?? "").replace(MENTION, "").trim());
  const reply = await core.handle({
    channel: ctx.name,
    conversationId: `${event.channel}:${threadTs}`,
    userId: event.user,
    userName: await ctx.nameOf(event.user), // shown (with consent) in the tolken's channel: a name, not a ping
    text: question,
    attachments: attachmentsOf(event),
    eventKey: `slack:${deliveryId}`, // handled again after a restart: the handoff it started stands
  });
  await postReply(ctx, event.channel, threadTs, event.user, reply, { key: `slack:${deliveryId}`, direct: event.channel_type === "im", broadcast: !!consentThread, question });
}

/** The question that started a thread (for "Vraag een mens" under an answer, and feedback under answers posted before it carried its question). */
export async function questionOf(ctx: SlackContext, channel: string, threadTs: string): Promise<string | undefined> {
  const history = await ctx.client.conversations.replies({ channel, ts: threadTs, limit: 1 }).catch(() => undefined);
  // A slash command's question was posted as "<@U…> vraagt: …"; a mention's question as "<@BOT> …".
  const first = history?.messages?.[0]?.text;
  return first === undefined ? undefined : fromSlack(first.replace(MENTION, "").trim().replace(/^vraagt:\s*/, ""));
}

/** A new message by a person (also with files, or sent to the channel too): not an edit, join or other subtype, not a bot. */
export function isFromPerson(event: SlackMessageEvent): event is SlackMessageEvent & { user: string } {
  return (!event.subtype || PERSON_SUBTYPES.has(event.subtype)) && !event.bot_id && !!event.user;
}

export function eventIdOf(body: unknown, fallback: string): string {
  return String((body as { event_id?: string }).event_id ?? fallback);
}
