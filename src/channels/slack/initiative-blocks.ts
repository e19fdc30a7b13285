import type { Reply } from "../../core/reply.js";
import { initiativeItems } from "../initiative-items.js";
import { escapeSlack } from "./slack-escape.js";
import { connectMeButton } from "./actions/intro-buttons.js";

type Block = Record<string, unknown>;

/**
 * The initiatives of a reply as Block Kit: a heading, then one section per initiative, whose block id
 * names it (`vliegwiel_initiative:<id>`), so that a button can stand beside it.
 */
export function initiativeBlocks(reply: Reply): Block[] {
  const shown = initiativeItems(reply);
  if (!shown) return [];
  return [
    { type: "section", text: { type: "mrkdwn", text: `*${escapeSlack(shown.heading)}*` } },
    ...shown.items.map((item) => ({
      type: "section",
      block_id: `vliegwiel_initiative:${item.id}`.slice(0, 255),
      text: { type: "mrkdwn", text: `• ${escapeSlack(item.line)}`.slice(0, 3000) },
      // "Breng me in contact": the introduction asks the asker and the initiative's contact first.
      accessory: connectMeButton(item.id),
    })),
  ];
}
