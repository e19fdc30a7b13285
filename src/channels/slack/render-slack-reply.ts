import type { Reply } from "../../core/reply.js";
import { linkedSourceLines } from "../linked-sources.js";
import { chunk, splitSources } from "../split-text.js";
import { button } from "./block-kit.js";
import { escapeSlack } from "./slack-escape.js";
import { initiativeBlocks } from "./initiative-blocks.js";

/** Slack's limit for the text of one section block. */
const SECTION_LIMIT = 3000;

type Block = Record<string, unknown>;

const BUTTONS: Record<string, { text: string; style?: "primary" | "danger" }> = {
  feedback_up: { text: "Nuttig" },
  feedback_down: { text: "Niet nuttig" },
  ask_human: { text: "Vraag een mens" },
  share: { text: "Ja, deel mijn vraag", style: "primary" },
  share_anonymous: { text: "Deel anoniem" },
  dont_share: { text: "Niet delen" },
};

/** A core reply as Block Kit: the text (split within Slack's limits), its sources, and its buttons. */
export function renderSlackReply(reply: Reply): { text: string; blocks: Block[] } {
  // A list from the gids is shown as its initiatives (below), not twice.
  const [body, sources] = splitSources(reply.reason === "gids" && reply.initiatives?.length ? "" : reply.text);
  const blocks: Block[] = [];
  if (reply.notice) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeSlack(reply.notice) }] });
  if (reply.decision === "handoff") blocks.push({ type: "section", text: { type: "mrkdwn", text: "*Deze vraag gaat naar een mens (tolk of vrije actor)*" } });
  for (const piece of chunk(escapeSlack(body), SECTION_LIMIT)) blocks.push({ type: "section", text: { type: "mrkdwn", text: piece } });
  // Sources with an address (PUBLIC_BASE_URL, or the document's own url) are links.
  const linked = sources && linkedSourceLines(reply, (label, url) => `<${url.replace(/[<>|]/g, encodeURIComponent)}|${escapeSlack(label).replace(/\|/g, "¦")}>`, (label) => escapeSlack(label));
  if (sources) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: (linked ?? escapeSlack(sources)).slice(0, SECTION_LIMIT) }] });
  blocks.push(...initiativeBlocks(reply));
  const actions = reply.kind === "answer" ? ["feedback_up", "feedback_down", ...(reply.actions ?? [])] : (reply.actions ?? []);
  if (actions.length) {
    blocks.push({
      type: "actions",
      block_id: `vliegwiel:${reply.handoffId ?? "answer"}`,
      elements: actions.map((action) => button(`vliegwiel_${action}`, BUTTONS[action]?.text ?? action, reply.handoffId ?? action, BUTTONS[action]?.style)),
    });
  }
  // The top-level text is what notifications show: escaped like the blocks.
  return { text: escapeSlack(reply.text).slice(0, 3000), blocks };
}
