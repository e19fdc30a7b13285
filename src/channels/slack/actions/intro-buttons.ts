import type { types } from "@slack/bolt";
import type { IntroReply } from "../../../core/introductions/introduction-api.js";
import { askerIntroTexts, CONNECT_ME_LABEL, INTRO_BUTTON_LABELS, type IntroButton } from "../../../core/introductions/introduction-texts.js";
import { button } from "../block-kit.js";
import { escapeSlack } from "../slack-escape.js";
import { introMessageBlocks } from "../slack-intro-sink.js";
import { sendOnce, type SlackContext } from "../slack-context.js";
import type { ButtonPress } from "./on-action.js";
import { openLessonModal } from "../lesson-modal.js";

const LESSON_ACTION = "vliegwiel_intro_share_lesson";

/** The action id of "Breng me in contact" under a suggested initiative (its value is the initiative id). */
export const CONNECT_ME_ACTION = "vliegwiel_connect_me";

/** The button beside a suggested initiative. */
export function connectMeButton(initiativeId: string): types.Button {
  return button(CONNECT_ME_ACTION, CONNECT_ME_LABEL, initiativeId);
}

export function isIntroAction(actionId: string): boolean {
  return actionId === CONNECT_ME_ACTION || actionId.replace(/^vliegwiel_/, "") in INTRO_BUTTON_LABELS;
}

/**
 * "Breng me in contact" and every introduction button after it. The press is committed before it is
 * acknowledged; the answer goes to the one who pressed: privately in a channel, as a message in a DM,
 * and a request's own buttons are taken away once it is answered. The DM message goes out once however
 * often a connection is cut (slack-reply-once.ts: keyed by the press, a retry looks before it posts):
 * a second copy would show the choice's buttons twice.
 */
export async function onIntroButton(ctx: SlackContext, { press, actionId, value, channel, threadTs, eventKey, ack }: ButtonPress): Promise<void> {
  const { core, client } = ctx;
  if (actionId === LESSON_ACTION) {
    // "Deel wat je leerde": a modal, opened before the acknowledgement (nothing to commit yet).
    const refusal = await openLessonModal(ctx, press.trigger_id ?? "", press.user.id, value ?? "");
    await ack();
    if (refusal) await client.chat.postEphemeral({ channel, user: press.user.id, text: escapeSlack(refusal), ...(threadTs ? { thread_ts: threadTs } : {}) });
    return;
  }
  const reply: IntroReply =
    actionId === CONNECT_ME_ACTION
      ? core.introductions.connectMe({
        platform: ctx.name, conversationId: `${channel}:${threadTs}`, userId: press.user.id, userName: await ctx.nameOf(press.user.id), initiativeId: value ?? "", eventKey,
      })
      : core.introductions.press({ platform: ctx.name, userId: press.user.id, introductionId: value ?? "", button: actionId.replace(/^vliegwiel_/, "") as IntroButton, eventKey });
  await ack();
  const text = escapeSlack(reply.text);
  const blocks = introMessageBlocks(text, reply.buttons, reply.introductionId ?? "", reply.language);
  const direct = channel.startsWith("D");
  const messageTs = press.container?.message_ts ?? press.message?.ts;
  // A request or question answered in a DM loses its buttons, so it cannot be pressed again by mistake.
  if (direct && messageTs && actionId !== CONNECT_ME_ACTION && reply.ok) {
    await client.chat.update({ channel, ts: messageTs, text: askerIntroTexts(reply.language).answered, blocks: answeredBlocks(press) }).catch(() => undefined);
  }
  if (direct) {
    const inThread = threadTs && threadTs !== messageTs ? { thread_ts: threadTs } : {};
    await sendOnce(ctx, eventKey, threadTs).post({ channel, text, blocks, ...inThread }, "1");
  } else await client.chat.postEphemeral({ channel, user: press.user.id, thread_ts: threadTs, text, blocks });
}

/** The pressed message without its buttons (its text stays). */
function answeredBlocks(press: ButtonPress["press"]): types.KnownBlock[] {
  const blocks = ((press as { message?: { blocks?: types.KnownBlock[] } }).message?.blocks ?? []).filter((b) => b.type !== "actions");
  return blocks;
}
