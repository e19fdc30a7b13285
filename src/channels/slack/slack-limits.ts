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
