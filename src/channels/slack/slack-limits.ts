import type { types } from "@slack/bolt";
import { chunk } from "../split-text.js";

/** Slack's limits: a section block's text (else invalid_blocks), a message's `text` (else msg_too_long), blocks per message. */
export const SLACK_SECTION_LIMIT = 3000;
export const SLACK_TEXT_LIMIT = 40_000;
export const SLACK_BLOCK_LIMIT = 50;

/** Escaped mrkdwn cut into pieces within `limit`, never inside an entity (`&amp;`, `&lt;`, `&gt;`). */
export function slackPieces(escaped: string, limit = SLACK_SECTION_LIMIT): string[] {
  const pieces = chunk(escaped, limit);
  for (let i = 0; i < pieces.length - 1; i++) {
    const broken = /&[a-z]{0,3}$/.exec(pieces[i]!);
    if (broken) {
      pieces[i] = pieces[i]!.slice(0, broken.index);
      pieces[i + 1] = broken[0] + pieces[i + 1]!;
    }
  }
  return pieces.filter((p) => p.length > 0);
}

/** Escaped mrkdwn as section blocks, each within Slack's limit: nothing is cut off. */
export function sectionBlocks(escaped: string): types.KnownBlock[] {
  return slackPieces(escaped).map((text) => ({ type: "section", text: { type: "mrkdwn", text } }));
}

/** A message's top-level `text` (what notifications show) when the blocks carry the whole: short, cut with "…". */
export function notificationText(escaped: string, limit = SLACK_SECTION_LIMIT): string {
  if (escaped.length <= limit) return escaped;
  return `${escaped.slice(0, limit - 1).replace(/&[a-z]{0,3}$/, "")}…`;
}

type Message = { text: string; blocks?: unknown[] };

/**
 * A message whose blocks are more than Slack takes (SLACK_BLOCK_LIMIT, else invalid_blocks) as
 * several, in order: the first keeps what leads (a notice), the last what closes (sources, buttons).
 * Each later one's notification text is the start of its own text. One message when it fits.
 */
export function inMessages<T extends Message>(message: T, limit = SLACK_BLOCK_LIMIT): T[] {
  const blocks = message.blocks ?? [];
  if (blocks.length <= limit) return [message];
  const parts: T[] = [];
  for (let at = 0; at < blocks.length; at += limit) {
    const own = blocks.slice(at, at + limit);
    const first = own.map((b) => (b as { text?: { text?: unknown } }).text?.text).find((t): t is string => typeof t === "string");
    parts.push({ ...message, blocks: own, text: at === 0 || !first ? message.text : notificationText(first) });
  }
  return parts;
}
