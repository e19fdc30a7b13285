import type { App, types } from "@slack/bolt";
import type { DeliveryInput } from "../../core/handoff/handoff-service.js";
import { postEffectPartsOnce } from "./slack-effect-post.js";
import { inMessages } from "./slack-limits.js";
import { escapeSlack } from "./slack-escape.js";
import type { PostArgs } from "./slack-post-once.js";
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
 * handoff post) and the tolk is told so in the handoff thread. When the DM fails too, the tolk is told
 * (on the first try) that it is retried, and the error goes to the outbox, which retries and parks it.
 */
export async function relayToAsker(client: Client, input: DeliveryInput, args: PostArgs, handoffThread: string | undefined): Promise<void> {
  try {
    // More blocks than Slack takes in one message: several, in order (slack-limits.ts).
    await postEffectPartsOnce(client, input, inMessages(args));
    return;
  } catch (error) {
    const why = UNREACHABLE_CHANNEL[slackErrorCode(error) ?? ""];
    if (!why) throw error;
    const byDm = await relayByDm(client, input, args).then(() => true, () => false);
    if (byDm || input.attempt === 1) await tellTolk(client, handoffThread, byDm ? RELAY_NL.sentByDm(why) : RELAY_NL.notDelivered(why));
    if (!byDm) throw error;
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

/** A notice in the handoff thread (best effort: the relay's own outcome does not depend on it). */
async function tellTolk(client: Client, handoffThread: string | undefined, text: string): Promise<void> {
  if (!handoffThread) return;
  const at = handoffThread.indexOf(":");
  await client.chat.postMessage({ channel: handoffThread.slice(0, at), thread_ts: handoffThread.slice(at + 1), text }).catch(() => undefined);
}
