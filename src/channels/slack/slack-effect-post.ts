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
