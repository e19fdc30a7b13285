import type { App } from "@slack/bolt";
import type { IntroDeliveryInput } from "../../core/introductions/introduction-service.js";
import { postOnceWithMetadata, type PostArgs } from "./slack-post-once.js";

/** The metadata event type of introduction posts, which carries the effect id. */
export const INTRO_METADATA_TYPE = "vliegwiel_intro_effect";

/** Posts an introduction effect's message exactly once, as handoff posts do (see slack-post-once.ts). */
export function postIntroOnce(client: App["client"], input: IntroDeliveryInput, args: PostArgs): Promise<string> {
  return postOnceWithMetadata(client, input, args, { eventType: INTRO_METADATA_TYPE, payload: { introduction_id: input.intro.id }, since: input.intro.createdAt });
}
