import type { App, types } from "@slack/bolt";
import type { DeliveryInput } from "../../core/handoff/handoff-service.js";
import { EFFECT_METADATA_TYPE, postEffectPartsOnce } from "./slack-effect-post.js";
import { inMessages } from "./slack-limits.js";
import { escapeSlack } from "./slack-escape.js";
import { postOnceWithMetadata, type PostArgs } from "./slack-post-once.js";
import { isSlackNetworkFailure } from "./slack-network-failure.js";
import { slackErrorCode } from "./slack-transient-retry.js";

type Client = App["client"];

/** Why Vliegwiel cannot write in the asker's channel any more, in the tolk's words (Slack's error code). */
const UNREACHABLE_CHANNEL: Record<string, string> = {
  not_in_channel: "Vliegwiel is geen lid meer van het kanaal van de vrager",
  channel_not_found: "Vliegwiel kan het kanaal van de vrager niet meer vinden",
  is_archived: "het kanaal van de vrager is gearchiveerd",
};

const RELAY_NL = {
  sentByDm: (why: string) => `Je antwoord kon niet bij de vraag worden geplaatst: ${why}. Vliegwiel heeft het de vrager daarom in een privébericht gestuurd.`,
  notDelivered: (why: string) =>
    `Je antwoord heeft de vrager nog niet bereikt: ${why}, en een privébericht lukte ook niet. Vliegwiel probeert het later opnieuw (ook na een herstart). Nodig Vliegwiel weer uit in dat kanaal (/invite @Vliegwiel) om het af te leveren.`,
};
const ABOUT_QUESTION = { nl: "Over je vraag", en: "About your question" } as const;

/**
 * Posts a tolk's answer (or a notice, without `handoffThread`) in the asker's thread. When Vliegwiel cannot write there any more (removed
 * from the channel, channel archived or gone), the answer goes to the asker's DM (once, like any
 * handoff post) and the tolk is told so in the handoff thread. When Slack refuses the DM too (an error
 * code), the tolk is told once that it is retried, and the error goes to the outbox, which retries and
 * parks it. When the DM's outcome is unknown (the connection cut, a transient code such as fatal_error:
 * it may have landed), the tolk is told nothing yet: the outbox's next try looks in the DM first and
 * then tells them it went by DM.
 */
export async function relayToAsker(client: Client, input: DeliveryInput, args: PostArgs, handoffThread: string | undefined): Promise<void> {
  try {
    // More blocks than Slack takes in one message: several, in order (slack-limits.ts).
    await postEffectPartsOnce(client, input, inMessages(args));
    return;
  } catch (error) {
    const why = UNREACHABLE_CHANNEL[slackErrorCode(error) ?? ""];
    if (!why) throw error;
    try {
      await relayByDm(client, input, args);
    } catch (dmError) {
      // Only a refusal (Slack's own error code, not a transient one) says the DM did not arrive.
      if (!slackErrorCode(dmError) || isSlackNetworkFailure(dmError)) throw dmError;
      await tellTolkOnce(client, input, handoffThread, RELAY_NL.notDelivered(why), "not-delivered");
      throw error;
    }
    await tellTolkOnce(client, input, handoffThread, RELAY_NL.sentByDm(why), "sent-by-dm");
  }
}

async function relayByDm(client: Client, input: DeliveryInput, args: PostArgs): Promise<void> {
  const dm = (await client.conversations.open({ users: input.handoff.asker.userId })).channel?.id;
  if (!dm) throw new Error("conversations.open gave no channel");
  const question = input.handoff.question.length > 200 ? `${input.handoff.question.slice(0, 199)}…` : input.handoff.question;
  const about = `${ABOUT_QUESTION[input.handoff.asker.language === "en" ? "en" : "nl"]} “${escapeSlack(question)}”:`;
  const own = (args.blocks ?? [{ type: "section", text: { type: "mrkdwn", text: args.text } }]) as types.KnownBlock[];
  const blocks = [{ type: "context", elements: [{ type: "mrkdwn", text: about }] } as types.KnownBlock, ...own];
  await postEffectPartsOnce(client, input, inMessages({ channel: dm, text: args.text, blocks }));
}

/**
 * A notice to the tolk in the handoff thread (that the answer went by DM, or did not arrive): once per relay however
 * often the outbox tries it, a crash between the notice and the outbox's record included (a later try looks in the
 * thread first). Best effort: the relay's own outcome does not depend on it.
 */
async function tellTolkOnce(client: Client, input: DeliveryInput, handoffThread: string | undefined, text: string, part: string): Promise<void> {
  if (!handoffThread) return;
  const { channel, thread_ts } = inThread(handoffThread);
  const since = input.handoff.openedAt ?? input.handoff.createdAt;
  const notice = { effectId: input.effectId, attempt: input.attempt, recordPost: () => undefined };
  await postOnceWithMetadata(client, notice, { channel, thread_ts, text }, { eventType: EFFECT_METADATA_TYPE, payload: { handoff_id: input.handoff.id, part }, since })
    .catch(() => undefined);
}

/** Where a post in the thread "channel:ts" goes. */
function inThread(ref: string): { channel: string; thread_ts: string } {
  const at = ref.indexOf(":");
  return { channel: ref.slice(0, at), thread_ts: ref.slice(at + 1) };
}
