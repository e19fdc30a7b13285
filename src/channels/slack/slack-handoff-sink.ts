import type { App, types } from "@slack/bolt";
import type { HandoffEffectSink } from "../../core/handoff/handoff-service.js";
import {
  askerNoticeText, NOTICES_SHOWN_AS_REPLY, relayText, replyToHelperLabel, threadButtons, threadOpeningText, threadPostText, threadStatusText, type TextOptions,
} from "../../core/handoff/handoff-texts.js";
import type { Handoff, Person } from "../../core/handoff/handoff-types.js";
import { delivering } from "../../core/handoff/delivery-error.js";
import { button } from "./block-kit.js";
import { postEffectOnce } from "./slack-effect-post.js";
import { escapeSlack, slackMention } from "./slack-escape.js";
import { notificationText, sectionBlocks } from "./slack-limits.js";
import { relayToAsker } from "./slack-relay-fallback.js";


export type SlackHandoffSinkOptions = {
  client: () => App["client"];
  /** Channel id of the tolken's channel, when the team works in Slack. */
  handoffChannel?: string;
  /** Slack user id of a roster member, for mentions. */
  slackIdOf(userId: string): string | undefined;
  texts: TextOptions;
};

/** "C123:1700000000.000100" → channel and thread of a Slack conversation or handoff thread. */
export function splitThreadRef(ref: string): { channel: string; ts: string } {
  const at = ref.indexOf(":");
  return { channel: ref.slice(0, at), ts: ref.slice(at + 1) };
}

/** The handoff thread when it is one in Slack's tolken's channel (the team may work elsewhere). */
function slackThread(threadRef: string | undefined, handoffChannel: string | undefined): string | undefined {
  return threadRef && handoffChannel && threadRef.startsWith(`${handoffChannel}:`) ? threadRef : undefined;
}

/** Renders handoff effects in Slack: the asker's thread, and the handoff thread in the tolken's channel. */
export function createSlackHandoffSink(options: SlackHandoffSinkOptions): HandoffEffectSink {
  const mention = (people: readonly Person[]) =>
    people.map((p) => slackMention(options.slackIdOf(p.userId) ?? "")).filter(Boolean).join(" ");
  return {
    async deliver(input) {
      const { handoff, effect, threadRef } = input;
      const client = options.client();
      const target = effect.type === "tell_asker" || effect.type === "relay_to_asker" ? splitThreadRef(handoff.asker.conversationId).channel : threadRef?.split(":")[0] ?? options.handoffChannel;
      return delivering("slack", target, async () => {
        switch (effect.type) {
          case "tell_asker": {
            if (NOTICES_SHOWN_AS_REPLY.has(effect.message)) return;
            const { channel, ts } = splitThreadRef(handoff.asker.conversationId);
            // Vliegwiel removed from the asker's channel: by DM (slack-relay-fallback.ts), so later steps are not held up.
            await relayToAsker(client, input, { channel, thread_ts: ts, text: escapeSlack(askerNoticeText(effect.message, handoff, options.texts)) }, undefined);
            return;
          }
          case "relay_to_asker": {
            const { channel, ts } = splitThreadRef(handoff.asker.conversationId);
            const text = escapeSlack(relayText(effect.from, effect.text, options.texts, handoff.asker.language));
            // The asker answers this person deliberately, with the button; a new message in the thread is a new question.
            const label = replyToHelperLabel(effect.from, options.texts, handoff.asker.language);
            // A long answer is split over several sections, in order: all of it arrives.
            const blocks: types.KnownBlock[] = [
              ...sectionBlocks(text),
              { type: "actions", block_id: `vliegwiel-relay:${handoff.id}`, elements: [button("vliegwiel_write_to_helper", label.slice(0, 75), handoff.id)] },
            ];
            // Vliegwiel removed from the asker's channel: by DM, and the tolk is told (slack-relay-fallback.ts).
            await relayToAsker(client, input, { channel, thread_ts: ts, text: notificationText(text), blocks }, slackThread(threadRef, options.handoffChannel));
            return;
          }
          case "open_thread": {
            if (!options.handoffChannel) return;
            const who = mention(effect.mentions);
            const ref = await postEffectOnce(client, input, {
              channel: options.handoffChannel,
              text: notificationText(escapeSlack(threadOpeningText(handoff))),
              blocks: threadBlocks(handoff, who),
            });
            return { threadRef: ref };
          }
          case "update_thread": {
            if (!threadRef) return;
            const { channel, ts } = splitThreadRef(threadRef);
            await client.chat.update({ channel, ts, text: notificationText(escapeSlack(threadOpeningText({ ...handoff, status: effect.status }))), blocks: threadBlocks({ ...handoff, status: effect.status, claimedBy: effect.claimedBy }, "") });
            return;
          }
          case "post_in_thread": {
            if (!threadRef) return;
            const { channel, ts } = splitThreadRef(threadRef);
            const who = effect.mentions ? ` ${mention(effect.mentions)}` : "";
            await postEffectOnce(client, input, { channel, thread_ts: ts, text: `${escapeSlack(threadPostText(effect.kind, handoff, effect))}${who}` });
            return;
          }
          default:
            return;
        }
      });
    },
  };
}

/** The handoff thread's head: the question with what the store found, its status and the buttons for that status. */
function threadBlocks(handoff: Handoff, mentions: string): types.KnownBlock[] {
  const status = threadStatusText(handoff);
  const buttons = threadButtons(handoff.status).map(({ button: name, label }) => button(`vliegwiel_${name}`, label, handoff.id, name === "claim" ? "primary" : undefined));
  // A long question is split over several sections (Slack refuses a section over 3000 characters).
  const blocks: types.KnownBlock[] = [
    ...sectionBlocks(escapeSlack(threadOpeningText(handoff))),
    { type: "context", elements: [{ type: "mrkdwn", text: `*${escapeSlack(status)}*${mentions ? ` · ${mentions}` : ""}` }] },
  ];
  if (buttons.length) blocks.push({ type: "actions", block_id: `vliegwiel-handoff:${handoff.id}`, elements: buttons });
  return blocks;
}
