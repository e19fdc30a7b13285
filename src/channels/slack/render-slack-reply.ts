import type { Reply } from "../../core/reply.js";
import { actionLabel, repliesIn } from "../../core/reply-language.js";
import { linkedSourceLines } from "../linked-sources.js";
import { chunk, splitSources } from "../split-text.js";
import { button } from "./block-kit.js";
import { escapeSlack } from "./slack-escape.js";
import { feedbackValue } from "./feedback-value.js";
import { initiativeBlocks } from "./initiative-blocks.js";
import { notificationText } from "./slack-limits.js";

/** Slack's limit for the text of one section block. */
const SECTION_LIMIT = 3000;

type Block = Record<string, unknown>;

const STYLES: Record<string, "primary" | "danger"> = { share: "primary" };

/** A core reply as Block Kit: the text (split within Slack's limits), its sources, and its buttons (feedback tied to `question`). */
export function renderSlackReply(reply: Reply, question?: string): { text: string; blocks: Block[] } {
  // A list from the gids is shown as its initiatives (below), not twice.
  const [body, sources] = splitSources(reply.reason === "gids" && reply.initiatives?.length ? "" : reply.text);
  const blocks: Block[] = [];
  if (reply.notice) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: escapeSlack(reply.notice) }] });
  if (reply.decision === "handoff") blocks.push({ type: "section", text: { type: "mrkdwn", text: `*${repliesIn(reply.language).handoffBadge}*` } });
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
      elements: actions.map((action) => button(`vliegwiel_${action}`, actionLabel(action, reply.language), valueOf(action, reply, question), STYLES[action])),
    });
  }
  // The top-level text is what notifications show: escaped like the blocks.
  return { text: notificationText(escapeSlack(reply.text)), blocks };
}

/** A button's value: the handoff it acts on, the question its feedback is about, else its action. */
function valueOf(action: string, reply: Reply, question: string | undefined): string {
  if (action === "feedback_up" || action === "feedback_down") return feedbackValue(action, question);
  return reply.handoffId ?? action;
}
