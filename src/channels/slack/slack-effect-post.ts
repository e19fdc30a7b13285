import type { App } from "@slack/bolt";
import type { DeliveryInput } from "../../core/handoff/handoff-service.js";
import { postOnceWithMetadata, type PostArgs } from "./slack-post-once.js";

/** The metadata event type of handoff posts, which carries the effect id. */
export const EFFECT_METADATA_TYPE = "vliegwiel_handoff_effect";

/**
 * Posts a handoff effect's message exactly once (see slack-post-once.ts): a retry looks for the
 * message with the effect id since the thread opened before it posts again. Returns "channel:ts".
 */
export function postEffectOnce(client: App["client"], input: DeliveryInput, args: PostArgs): Promise<string> {
  return postOnceWithMetadata(client, input, args, {
    eventType: EFFECT_METADATA_TYPE, payload: { handoff_id: input.handoff.id }, since: input.handoff.openedAt ?? input.handoff.createdAt,
  });
}

/**
 * A handoff effect's message too long for one Slack message (slack-limits.ts inMessages), each part
 * once: the first as any effect's post (its reference recorded), later ones found by their part
 * number in the metadata on a retry. Returns the first part's "channel:ts".
 */
export async function postEffectPartsOnce(client: App["client"], input: DeliveryInput, parts: PostArgs[]): Promise<string> {
  const [first, ...rest] = parts;
  const ref = await postEffectOnce(client, input, first!);
  const since = input.handoff.openedAt ?? input.handoff.createdAt;
  for (const [index, args] of rest.entries()) {
    const later = { effectId: input.effectId, attempt: input.attempt, recordPost: () => undefined };
    await postOnceWithMetadata(client, later, args, { eventType: EFFECT_METADATA_TYPE, payload: { handoff_id: input.handoff.id, part: String(index + 2) }, since });
  }
  return ref;
}
