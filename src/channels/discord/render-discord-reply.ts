import type { Reply } from "../../core/reply.js";
import { actionLabel, repliesIn } from "../../core/reply-language.js";
import { linkedSourceLines } from "../linked-sources.js";
import { chunk, splitSources } from "../split-text.js";
import { escapeDiscord } from "./discord-escape.js";
import { initiativeItems } from "../initiative-items.js";
import { connectMeRow } from "./connect-me-row.js";

/** Discord's limits: message content, embed description, embed field value. */
export const CONTENT_LIMIT = 2000;
const DESCRIPTION_LIMIT = 4096;
const FIELD_LIMIT = 1024;

const COLOUR_ANSWER = 0x2e7d32;
const COLOUR_HANDOFF = 0xef6c00;

export type ButtonSpec = { customId: string; label: string; style: 1 | 2 | 3 | 4 };

/** A message body as Discord's REST API takes it (discord.js accepts the same shape). */
export type DiscordMessage = {
  content?: string;
  embeds?: Array<Record<string, unknown>>;
  components?: Array<{ type: 1; components: Array<Record<string, unknown>> }>;
  allowed_mentions: { parse: Array<"users" | "roles" | "everyone">; users?: string[]; roles?: string[] };
};

const STYLES: Record<string, ButtonSpec["style"]> = { ask_human: 1, share: 3, dont_share: 4 };

/** `vw:<action>:<value>`: what a button does, and for which handoff. */
export function customId(action: string, value = "-"): string {
  return `vw:${action}:${value}`.slice(0, 100);
}

export function parseCustomId(id: string): { action: string; value?: string } | undefined {
  const match = /^vw:([a-z_]+):(.*)$/.exec(id);
  if (!match) return undefined;
  return { action: match[1]!, value: match[2] === "-" ? undefined : match[2] };
}

export function buttonRow(buttons: ButtonSpec[]): { type: 1; components: Array<Record<string, unknown>> } {
  return { type: 1, components: buttons.slice(0, 5).map((b) => ({ type: 2, style: b.style, label: b.label, custom_id: b.customId })) };
}

/**
 * A core reply as Discord messages: the text in an embed (split within Discord's limits), its
 * sources as a field, and its buttons on the last message. Nobody is pinged by what a document says.
 * `withoutPrompt` leaves the consent question out (it is then asked privately, see `promptMessage`).
 */
export function renderDiscordReply(reply: Reply, options: { withoutPrompt?: boolean } = {}): DiscordMessage[] {
  let text = reply.text;
  if (options.withoutPrompt && reply.prompt) text = text.replace(reply.prompt, "").trim();
  const [body, sources] = splitSources(text);
  const pieces = chunk(escapeMarkdown(body), DESCRIPTION_LIMIT);
  const colour = reply.decision === "handoff" ? COLOUR_HANDOFF : COLOUR_ANSWER;
  const messages: DiscordMessage[] = pieces.map((piece, index) => ({
    embeds: [{ description: piece, color: colour, ...(index === 0 && reply.decision === "handoff" ? { title: repliesIn(reply.language).handoffBadge } : {}) }],
    allowed_mentions: { parse: [] },
  }));
  if (messages.length === 0) messages.push({ embeds: [{ description: "…", color: colour }], allowed_mentions: { parse: [] } });
  const last = messages[messages.length - 1]!;
  const embed = last.embeds![0]!;
  // Sources with an address (PUBLIC_BASE_URL, or the document's own url) are links.
  const linked = sources && linkedSourceLines(reply, (label, url) => `[${escapeMarkdown(label).replace(/[[\]]/g, "")}](${url.replace(/[()\s]/g, encodeURIComponent)})`, escapeMarkdown);
  if (sources) {
    const sourcesName = repliesIn(reply.language).sourcesLabel.replace(/:$/, "");
    embed.fields = chunk(linked ? linked.replace(/^(Bronnen|Sources):\s*/, "") : escapeMarkdown(sources.replace(/^(Bronnen|Sources):\s*/, "")), FIELD_LIMIT).slice(0, 5).map((value, i) => ({ name: `${sourcesName}${i === 0 ? "" : " …"}`, value }));
  }
  // Initiatives suggested under an answer: a field of their own (a list from the gids is the text itself).
  const initiatives = initiativeItems(reply);
  if (initiatives && !initiatives.listing) {
    embed.fields = [...((embed.fields as unknown[]) ?? []), { name: initiatives.heading, value: chunk(initiatives.items.map((i) => `• ${escapeMarkdown(i.line)}`).join("\n"), FIELD_LIMIT)[0]! }];
  }
  if (reply.notice) messages[0]!.content = `*${escapeMarkdown(reply.notice)}*`;
  const actions = reply.kind === "answer" ? ["feedback_up", "feedback_down", ...(reply.actions ?? [])] : (reply.actions ?? []);
  const shown = options.withoutPrompt ? actions.filter((a) => !isConsent(a)) : actions;
  if (shown.length) last.components = [buttonRow(shown.map((a) => buttonFor(a, reply)))];
  const connect = connectMeRow(initiatives?.items ?? []);
  if (connect) last.components = [...(last.components ?? []), connect];
  return messages;
}

/** The consent question with its buttons, for the asker's eyes only (an ephemeral follow-up). */
export function promptMessage(reply: Reply): DiscordMessage | undefined {
  if (!reply.prompt) return undefined;
  const consent = (reply.actions ?? []).filter(isConsent);
  return { content: escapeMarkdown(reply.prompt), components: [buttonRow(consent.map((a) => buttonFor(a, reply)))], allowed_mentions: { parse: [] } };
}

/** A plain text of any length (a report) as messages within Discord's limit, in order, nothing cut. */
export function plainMessages(text: string): DiscordMessage[] {
  const pieces = chunk(escapeMarkdown(text), CONTENT_LIMIT);
  return (pieces.length ? pieces : [""]).map((content) => ({ content, allowed_mentions: { parse: [] } }));
}

/** A short plain message (confirmations, refusals). */
export function plainMessage(text: string): DiscordMessage {
  return { content: escapeMarkdown(text).slice(0, CONTENT_LIMIT), allowed_mentions: { parse: [] } };
}

function isConsent(action: string): boolean {
  return action === "share" || action === "share_anonymous" || action === "dont_share";
}

function buttonFor(action: string, reply: Reply): ButtonSpec {
  return { customId: customId(action, reply.handoffId), label: actionLabel(action, reply.language), style: STYLES[action] ?? 2 };
}

/** Discord's one escaping function (see discord-escape.ts), under the name the renderers use. */
export const escapeMarkdown = escapeDiscord;
