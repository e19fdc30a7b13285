import type { App } from "@slack/bolt";

type Client = App["client"];
export type PostArgs = { channel: string; text: string; thread_ts?: string; blocks?: unknown[] };
type HistoryMessage = { ts?: string; metadata?: { event_type?: string; event_payload?: Record<string, unknown> } };

/** One outbox message to post, as a workflow's delivery gives it (handoffs, introductions). */
export type OnceInput = {
  effectId: number;
  attempt: number;
  /** The reference recorded by an earlier attempt, if any. */
  posted?: string;
  recordPost(ref: string): void;
};

/**
 * Posts an outbox message exactly once. The message carries the effect id in Slack's message
 * metadata (`eventType`, with `payload`); the reference is recorded the moment Slack answers. A retry
 * (after a failure or a crash while the post was in flight) first uses that record, else looks in the
 * thread or channel history (since `since`) for a message with the effect id, and posts only when
 * there is none. Returns "channel:ts" of the message.
 */
export async function postOnceWithMetadata(
  client: Client, input: OnceInput, args: PostArgs, meta: { eventType: string; payload: Record<string, string>; since: string },
): Promise<string> {
  if (input.posted) return input.posted;
  if (input.attempt > 1) {
    const found = await findPosted(client, input.effectId, args, meta);
    if (found) {
      input.recordPost(found);
      return found;
    }
  }
  const posted = await client.chat.postMessage({
    ...args,
    metadata: { event_type: meta.eventType, event_payload: { effect_id: String(input.effectId), ...meta.payload } },
  } as Parameters<Client["chat"]["postMessage"]>[0]);
  const ref = `${args.channel}:${posted.ts}`;
  input.recordPost(ref);
  return ref;
}

async function findPosted(client: Client, effectId: number, args: PostArgs, meta: { eventType: string; payload: Record<string, string>; since: string }): Promise<string | undefined> {
  // A message sent as several (slack-limits.ts inMessages) has its part in the payload; the first has none.
  return findPostedWith(client, args, { eventType: meta.eventType, payload: { effect_id: String(effectId), part: meta.payload.part ?? "" }, since: meta.since });
}

/** At most this many pages of 200 messages are read looking for a post (a thread of up to 2000 messages). */
const MAX_PAGES = 10;

/**
 * The message this bot posted with `args` (in its thread, or at the top of its channel since `since`)
 * whose metadata has `eventType` and every field of `payload` (a field it lacks counts as ""): its
 * "channel:ts", or undefined when there is none. Reads page after page (Slack's cursor): a thread lists
 * its oldest messages first, so in a long one the post is on a later page.
 */
export async function findPostedWith(client: Client, args: Pick<PostArgs, "channel" | "thread_ts">, meta: { eventType: string; payload: Record<string, string>; since: string }): Promise<string | undefined> {
  const sinceSeconds = (Date.parse(meta.since) - 60_000) / 1000;
  const isMine = (m: HistoryMessage) =>
    m.metadata?.event_type === meta.eventType && Object.entries(meta.payload).every(([key, value]) => String(m.metadata?.event_payload?.[key] ?? "") === value);
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const at = cursor ? { cursor } : {};
    const result = args.thread_ts
      ? await client.conversations.replies({ channel: args.channel, ts: args.thread_ts, include_all_metadata: true, limit: 200, ...at })
      : await client.conversations.history({ channel: args.channel, oldest: sinceSeconds.toFixed(6), include_all_metadata: true, limit: 200, ...at });
    const mine = ((result.messages ?? []) as HistoryMessage[]).find(isMine);
    if (mine?.ts) return `${args.channel}:${mine.ts}`;
    cursor = result.response_metadata?.next_cursor;
    if (!cursor) return undefined;
  }
  return undefined;
}
