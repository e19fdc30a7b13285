import type { App } from "@slack/bolt";
import type { DeliveryInput } from "../../core/handoff/handoff-service.js";


type Client = App["client"];

/** The metadata event type of handoff posts, which carries the effect id. */
export const EFFECT_METADATA_TYPE = "vliegwiel_handoff_effect";
type PostArgs = { channel: string; text: string; thread_ts?: string; blocks?: unknown[] };
type HistoryMessage = { ts?: string; metadata?: { event_type?: string; event_payload?: Record<string, unknown> } };

/**
 * Posts a handoff effect's message exactly once. The message carries the effect id in Slack's
 * message metadata; the reference is recorded the moment Slack answers. A retry (after a failure
 * or a crash while the post was in flight) first uses that record, else looks in the thread or
 * channel history for a message with the effect id, and posts only when there is none.
 * Returns "channel:ts" of the message.
 */
export async function postEffectOnce(client: Client, input: DeliveryInput, args: PostArgs): Promise<string> {
  if (input.posted) return input.posted;
  if (input.attempt > 1) {
    const found = await findPosted(client, input, args);
    if (found) {
      input.recordPost(found);
      return found;
    }
  }
  const posted = await client.chat.postMessage({
    ...args,
    metadata: { event_type: EFFECT_METADATA_TYPE, event_payload: { effect_id: String(input.effectId), handoff_id: input.handoff.id } },
  } as Parameters<Client["chat"]["postMessage"]>[0]);
  const ref = `${args.channel}:${posted.ts}`;
  input.recordPost(ref);
  return ref;
}

async function findPosted(client: Client, input: DeliveryInput, args: PostArgs): Promise<string | undefined> {
  const sinceSeconds = (Date.parse(input.handoff.openedAt ?? input.handoff.createdAt) - 60_000) / 1000;
  const page = args.thread_ts
    ? await client.conversations.replies({ channel: args.channel, ts: args.thread_ts, include_all_metadata: true, limit: 200 })
    : await client.conversations.history({ channel: args.channel, oldest: sinceSeconds.toFixed(6), include_all_metadata: true, limit: 200 });
  const mine = ((page.messages ?? []) as HistoryMessage[]).find(
    (m) => m.metadata?.event_type === EFFECT_METADATA_TYPE && String(m.metadata.event_payload?.effect_id) === String(input.effectId),
  );
  return mine?.ts ? `${args.channel}:${mine.ts}` : undefined;
}
