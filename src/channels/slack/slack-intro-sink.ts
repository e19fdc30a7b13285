import type { App, types } from "@slack/bolt";
import { delivering } from "../../core/handoff/delivery-error.js";
import type { IntroductionEffectSink } from "../../core/introductions/introduction-service.js";
import { INTRO_NOTICES_SHOWN_AS_REPLY, sharedConnectText, introButtonLabel, introEffectButtons, introEffectLanguage, introEffectText, type IntroButton } from "../../core/introductions/introduction-texts.js";
import type { Introduction, IntroductionEffect } from "../../core/introductions/introduction-types.js";
import { button } from "./block-kit.js";
import { postIntroOnce } from "./slack-intro-post.js";
import { escapeSlack, slackMention } from "./slack-escape.js";
import { splitThreadRef } from "./slack-handoff-sink.js";
import { sectionBlocks, SLACK_BLOCK_LIMIT } from "./slack-limits.js";

/** Introduction messages in Slack: the asker's thread, the contact's DM, and a group DM for both. */
export function createSlackIntroSink(client: () => App["client"]): IntroductionEffectSink {
  return {
    async deliver(input) {
      const { intro, effect } = input;
      const slack = client();
      const toAsker = effect.type === "tell_asker" || (effect.type === "ask_helped" && effect.to === "asker");
      await delivering("slack", toAsker ? intro.asker.conversationId : intro.contact.userId, async () => {
        if (effect.type === "connect") {
          // A group DM with both people (and the bot), opened by Slack or found again if it exists.
          const opened = await slack.conversations.open({ users: `${intro.asker.userId},${intro.contact.userId}` });
          const channel = String(opened.channel?.id);
          const text = escapeSlack(sharedConnectText(intro, "\u0000A\u0000", "\u0000C\u0000"))
            .replace(/\u0000A\u0000/g, slackMention(intro.asker.userId) ?? escapeSlack(intro.asker.name))
            .replace(/\u0000C\u0000/g, slackMention(intro.contact.userId) ?? escapeSlack(intro.contact.name));
          await postIntroOnce(slack, input, { channel, text });
          return;
        }
        if (effect.type === "tell_asker" && INTRO_NOTICES_SHOWN_AS_REPLY.has(effect.message)) return;
        const text = introEffectText(intro, effect);
        if (text === undefined) return;
        const target = toAsker ? await askerTarget(slack, intro.asker) : { channel: await directChannel(slack, intro.contact.userId), ts: undefined };
        await postIntroOnce(slack, input, { channel: target.channel, thread_ts: target.ts, text: escapeSlack(text), blocks: introBlocks(intro, effect, escapeSlack(text)) });
      });
    },
  };
}

/**
 * Where the asker reads what concerns them alone (sent, declined, the contact's name): their thread
 * when it is a DM; in a channel others read along, so their DM with Vliegwiel instead.
 */
async function askerTarget(slack: App["client"], asker: { userId: string; conversationId: string }): Promise<{ channel: string; ts?: string }> {
  const ref = splitThreadRef(asker.conversationId);
  return ref.channel.startsWith("D") ? ref : { channel: await directChannel(slack, asker.userId), ts: undefined };
}

/** The DM channel with one user (conversations.open gives the existing one). */
async function directChannel(slack: App["client"], userId: string): Promise<string> {
  const opened = await slack.conversations.open({ users: userId });
  return String(opened.channel?.id);
}

/** A message with the buttons its effect has (Accepteren / Liever niet; Ja, het hielp / Niet echt). */
export function introBlocks(intro: Introduction, effect: IntroductionEffect, text: string): types.KnownBlock[] {
  return introMessageBlocks(text, introEffectButtons(effect), intro.id, introEffectLanguage(intro, effect));
}

export function introMessageBlocks(text: string, buttons: readonly IntroButton[], introductionId: string, language?: "en"): types.KnownBlock[] {
  // A long request (a long question, many escapes) in several sections: one cut at 3 000 characters lost the rest.
  const blocks: types.KnownBlock[] = sectionBlocks(text).slice(0, SLACK_BLOCK_LIMIT - 1);
  if (buttons.length) {
    blocks.push({
      type: "actions",
      block_id: `vliegwiel-intro:${introductionId}`,
      elements: buttons.map((b) => button(`vliegwiel_${b}`, introButtonLabel(b, language), introductionId, b === "intro_accept" || b === "intro_share_named" ? "primary" : undefined)),
    });
  }
  return blocks;
}
