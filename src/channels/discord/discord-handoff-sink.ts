import { Routes, type REST } from "discord.js";
import { delivering } from "../../core/handoff/delivery-error.js";
import type { DeliveryInput, HandoffEffectSink } from "../../core/handoff/handoff-service.js";
import {
  askerNoticeText, NOTICES_SHOWN_AS_REPLY, relayText, replyToHelperLabel, THREAD_STATUS_LABELS, threadButtons, threadOpeningText, threadPostText, threadStatusText, type TextOptions,
} from "../../core/handoff/handoff-texts.js";
import type { TeamButton } from "../../core/channel.js";
import type { Handoff, HandoffStatus, Person } from "../../core/handoff/handoff-types.js";
import { chunk } from "../split-text.js";
import { effectNonce, findForumPost, postOnce, startThreadOnce } from "./discord-effect-post.js";
import { buttonRow, CONTENT_LIMIT, customId, escapeMarkdown, type ButtonSpec, type DiscordMessage } from "./render-discord-reply.js";

/** What the sink needs to know of the tolken's channel: a forum (posts with tags) or a text channel (threads). */
export type HandoffChannelInfo = {
  id: string;
  kind: "forum" | "text";
  /** Forum tags by lower-case name ("open", "opgepakt", "afgesloten", themes). */
  tags: Map<string, string>;
};

export type DiscordHandoffSinkOptions = {
  rest: () => REST;
  handoffChannel: () => Promise<HandoffChannelInfo | undefined>;
  /** Discord user id of a roster member, for mentions. */
  discordIdOf(userId: string): string | undefined;
  /** Roles to mention when no routed person has a Discord id (the "Tolk" role). */
  teamRoleIds: readonly string[];
  texts: TextOptions;
};

/** The forum tags that show a handoff's status: "open", "opgepakt", "afgesloten". */
export const STATUS_TAGS: readonly string[] = Object.values(THREAD_STATUS_LABELS).map((label) => label.toLowerCase());
/** Discord's limits for a message's embeds: one description, and all their text together. */
const EMBED_DESCRIPTION_LIMIT = 4096;
const EMBEDS_TOTAL_LIMIT = 6000;
/** Discord button styles: primary for picking up, success for adding to the knowledge store. */
const BUTTON_STYLES: Record<TeamButton, ButtonSpec["style"]> = { claim: 1, close: 2, close_learn: 3 };

/**
 * Where a conversation lives on Discord: "<channel>" (a thread or DM) or "<channel>:<message>" (an
 * answer in a plain channel, replied to).
 */
export function splitConversation(conversationId: string): { channelId: string; messageId?: string } {
  const [channelId, messageId] = conversationId.split(":");
  return { channelId: channelId!, messageId };
}

/**
 * Renders handoff effects on Discord: the asker's thread or DM, and the handoff as a forum post
 * (tags for status and theme) or as a thread in a text channel. A thread ref is
 * "<parent channel>:<thread>"; the head message has the thread's id in both cases.
 */
export function createDiscordHandoffSink(options: DiscordHandoffSinkOptions): HandoffEffectSink {
  /** `orTeam`: when none of them has a Discord id, the team's roles instead (not for a notice meant for one person). */
  const mentionsOf = (people: readonly Person[], orTeam = true): DiscordMessage["allowed_mentions"] & { text: string } => {
    const users = people.map((p) => options.discordIdOf(p.userId)).filter((id): id is string => !!id);
    const roles = users.length || !orTeam ? [] : [...options.teamRoleIds];
    return { parse: [], users, roles, text: [...users.map((id) => `<@${id}>`), ...roles.map((id) => `<@&${id}>`)].join(" ") };
  };

  /** With `replyButton`, the last piece offers "Antwoord aan …": the asker answers that person deliberately. */
  const toAsker = async (input: DeliveryInput, text: string, replyButton?: string) => {
    if (input.posted) return;
    const { channelId, messageId } = splitConversation(input.handoff.asker.conversationId);
    const pieces = chunk(escapeMarkdown(text), CONTENT_LIMIT);
    let last = "";
    for (const [i, piece] of pieces.entries()) {
      const components = replyButton && i === pieces.length - 1
        ? [buttonRow([{ customId: customId("write_to_helper", input.handoff.id), label: replyButton.slice(0, 80), style: 2 }])]
        : undefined;
      const body = { content: piece, allowed_mentions: { parse: [] }, ...(components ? { components } : {}) };
      last = (await postOnce(options.rest(), channelId, body, effectNonce(input.effectId, i), messageId)).id;
    }
    input.recordPost(`${channelId}:${last}`);
  };

  const deliver = async (input: DeliveryInput): Promise<{ threadRef?: string } | void> => {
    const { handoff, effect, threadRef } = input;
    switch (effect.type) {
      case "tell_asker":
        if (NOTICES_SHOWN_AS_REPLY.has(effect.message)) return;
        await toAsker(input, askerNoticeText(effect.message, handoff, options.texts));
        return;
      case "relay_to_asker":
        await toAsker(input, relayText(effect.from, effect.text, options.texts, handoff.asker.language), replyToHelperLabel(effect.from, options.texts, handoff.asker.language));
        return;
      case "open_thread": {
        const channel = await options.handoffChannel();
        if (!channel) return;
        const mentions = mentionsOf(effect.mentions);
        const head = { ...headMessage(handoff), content: mentions.text || undefined, allowed_mentions: { parse: [], users: mentions.users, roles: mentions.roles } };
        const name = threadName(handoff.question);
        if (channel.kind === "forum") {
          const found = await findForumPost(options.rest(), channel.id, input);
          if (found) return { threadRef: found };
          const thread = (await options.rest().post(Routes.threads(channel.id), {
            body: { name, message: head, applied_tags: tagsFor(channel, "open", handoff.theme) },
          })) as { id: string };
          input.recordPost(`${channel.id}:${thread.id}`);
          return { threadRef: `${channel.id}:${thread.id}` };
        }
        const ref = input.posted ?? `${channel.id}:${(await postOnce(options.rest(), channel.id, head, effectNonce(input.effectId))).id}`;
        input.recordPost(ref);
        await startThreadOnce(options.rest(), channel.id, ref.split(":")[1]!, name);
        return { threadRef: ref };
      }
      case "update_thread": {
        if (!threadRef) return;
        const [parentId, threadId] = threadRef.split(":") as [string, string];
        const channel = await options.handoffChannel();
        const forum = channel?.id === parentId && channel.kind === "forum";
        const updated = { ...handoff, status: effect.status, claimedBy: effect.claimedBy };
        // A forum post's head message lives in the post; a text channel's in the channel itself.
        await options.rest().patch(Routes.channelMessage(forum ? threadId : parentId, threadId), { body: headMessage(updated) });
        if (forum) await options.rest().patch(Routes.channel(threadId), { body: { applied_tags: tagsFor(channel!, effect.status, handoff.theme) } });
        return;
      }
      case "post_in_thread": {
        if (!threadRef) return;
        const threadId = threadRef.split(":")[1]!;
        // A parked answer is told to its writer alone: the whole team is not called in for it.
        const mentions = effect.mentions ? mentionsOf(effect.mentions, effect.kind !== "relay_parked") : undefined;
        if (input.posted) return;
        // A long text (the asker's reply) goes in several messages, in order; the mentions close the first.
        const suffix = mentions?.text ? ` ${mentions.text}` : "";
        const pieces = chunk(escapeMarkdown(threadPostText(effect.kind, handoff, effect)), CONTENT_LIMIT - suffix.length);
        let last = "";
        for (const [i, piece] of pieces.entries()) {
          const first = i === 0;
          last = (await postOnce(options.rest(), threadId, {
            content: first ? `${piece}${suffix}` : piece,
            allowed_mentions: { parse: [], users: first ? (mentions?.users ?? []) : [], roles: first ? (mentions?.roles ?? []) : [] },
          }, effectNonce(input.effectId, i))).id;
        }
        if (last) input.recordPost(`${threadId}:${last}`);
        return;
      }
      default:
        return;
    }
  };

  return {
    deliver: (input) => {
      const target = input.effect.type === "tell_asker" || input.effect.type === "relay_to_asker" ? splitConversation(input.handoff.asker.conversationId).channelId : input.threadRef?.split(":")[1];
      return delivering("discord", target, () => deliver(input));
    },
  };
}

/** The handoff's head: the question with what the store found, its status and the buttons for that status. */
function headMessage(handoff: Handoff): DiscordMessage {
  const buttons = threadButtons(handoff.status).map(({ button, label }) => ({ customId: customId(button, handoff.id), label, style: BUTTON_STYLES[button] }));
  // A long question (with what the store found) takes several embeds of 4096 characters, within the 6000 a message holds in all.
  const footer = threadStatusText(handoff);
  const pieces = chunk(escapeMarkdown(threadOpeningText(handoff)), EMBED_DESCRIPTION_LIMIT);
  const kept: string[] = [];
  for (const piece of pieces) if (kept.join("").length + piece.length + footer.length + 1 <= EMBEDS_TOTAL_LIMIT) kept.push(piece);
  if (kept.length < pieces.length) kept.push("…");
  return {
    embeds: kept.map((description, i) => ({ description, color: 0xef6c00, ...(i === kept.length - 1 ? { footer: { text: footer } } : {}) })),
    components: buttons.length ? [buttonRow(buttons)] : [],
    allowed_mentions: { parse: [] },
  };
}

function tagsFor(channel: HandoffChannelInfo, status: HandoffStatus, theme: string | undefined): string[] {
  const wanted = [THREAD_STATUS_LABELS[status]?.toLowerCase(), theme?.toLowerCase()].filter((t): t is string => !!t);
  return wanted.map((name) => channel.tags.get(name)).filter((id): id is string => !!id).slice(0, 5);
}

/** A thread or forum post title: the question's start, within Discord's 100 characters. */
export function threadName(question: string): string {
  const flat = question.replace(/\s+/g, " ").trim() || "Vraag";
  return flat.length <= 90 ? flat : `${flat.slice(0, 88).replace(/\s+\S*$/, "")}…`;
}
