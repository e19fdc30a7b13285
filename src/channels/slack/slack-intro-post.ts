import type { App } from "@slack/bolt";
import type { IntroDeliveryInput } from "../../core/introductions/introduction-service.js";

type Client = App["client"];

/** The metadata event type of introduction posts, which carries the effect id. */
export const INTRO_METADATA_TYPE = "vliegwiel_intro_effect";
type PostArgs = { channel: string; text: string; thread_ts?: string; blocks?: unknown[] };
type HistoryMessage = { ts?: string; metadata?: { event_type?: string; event_payload?: Record<string, unknown> } };

/**
 * Posts an introduction effect's message exactly once, as handoff posts do: the effect id rides in
 * the message metadata, the reference is recorded the moment Slack answers, and a retry looks for
 * the message (recorded reference, else the conversation's history) before posting again.
 */
export async function postIntroOnce(client: Client, input: IntroDeliveryInput, args: PostArgs): Promise<string> {
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
    metadata: { event_type: INTRO_METADATA_TYPE, event_payload: { effect_id: String(input.effectId), introduction_id: input.intro.id } },
  } as Parameters<Client["chat"]["postMessage"]>[0]);
  const ref = `${args.channel}:${posted.ts}`;
  input.recordPost(ref);
  return ref;
}

async function findPosted(client: Client, input: IntroDeliveryInput, args: PostArgs): Promise<string | undefined> {
  const sinceSeconds = (Date.parse(input.intro.createdAt) - 60_000) / 1000;
  const page = args.thread_ts
    ? await client.conversations.replies({ channel: args.channel, ts: args.thread_ts, include_all_metadata: true, limit: 200 })
    : await client.conversations.history({ channel: args.channel, oldest: sinceSeconds.toFixed(6), include_all_metadata: true, limit: 200 });
  const mine = ((page.messages ?? []) as HistoryMessage[]).find(
    (m) => m.metadata?.event_type === INTRO_METADATA_TYPE && String(m.metadata.event_payload?.effect_id) === String(input.effectId),
  );
  return mine?.ts ? `${args.channel}:${mine.ts}` : undefined;
}
