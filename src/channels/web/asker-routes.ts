import type http from "node:http";
import type { CoreApi } from "../../core/channel.js";
import type { AskerAction } from "../../core/conversation.js";
import { REPEATED_PRESS, type Reply } from "../../core/reply.js";
import { actionLabel, repliesIn } from "../../core/reply-language.js";
import type { Logger } from "../../logger.js";
import type { WebMessages } from "../ports.js";
import type { CutOffConsent } from "./cut-off-consent.js";
import { clientAddress, sendTooMany, type AskerRateLimit } from "./asker-rate-limit.js";
import { readJsonOrRefuse, sendJson, str } from "./http-helpers.js";

/** The presses that pass a question on to the tolken. */
const SHARING: ReadonlySet<string> = new Set(["share", "share_anonymous"]);

const ASKER_ACTIONS = new Set<AskerAction["action"]>(["ask_human", "share", "share_anonymous", "dont_share", "close", "reopen", "reply", "write_to_helper"]);

export type RouteContext = {
  core: CoreApi; messages: WebMessages; logger: Logger; channel: string; cutOffConsent?: CutOffConsent; rateLimit?: AskerRateLimit;
  /** MAX_QUESTION_CHARS: the history keeps no more of a message than the core reads (its reply says it was shortened). */
  maxQuestionChars?: number;
};


/** Authors of the records that keep the conversation itself, so it survives a reload or a return visit. */
export const ASKER_AUTHOR = "vrager";
export const REPLY_AUTHOR = "antwoord";

/**
 * The asker's API: questions, button presses, the conversation's feed (its questions and replies, then
 * notices and relayed answers) and its latest handoff. Returns false if not an asker route.
 */
export async function handleAskerRoute(req: http.IncomingMessage, res: http.ServerResponse, url: URL, ctx: RouteContext): Promise<boolean> {
  const feed = /^\/api\/conversations\/([^/]{1,100})\/messages$/.exec(url.pathname);
  const handoff = /^\/api\/conversations\/([^/]{1,100})\/handoff$/.exec(url.pathname);
  if (req.method === "GET" && handoff) {
    const conversationId = decodedSegment(handoff[1]!);
    if (conversationId === undefined) return sendJson(res, 404, { error: "Niet gevonden." }), true;
    sendJson(res, 200, { handoff: conversationId.startsWith("handoff:") ? null : (ctx.core.askerHandoff(ctx.channel, conversationId) ?? null) });
    return true;
  }
  if (req.method === "GET" && feed) {
    const conversationId = decodedSegment(feed[1]!);
    // Handoff threads belong to the team view, never to an asker's feed.
    if (conversationId === undefined || conversationId.startsWith("handoff:")) return sendJson(res, 404, { error: "Niet gevonden." }), true;
    const after = Number(url.searchParams.get("after") ?? 0) || 0;
    const history = url.searchParams.get("alles") === "1";
    // A consent question a stop cut off (the handoff made, its reply not kept) is asked again in the history.
    const lost = history ? ctx.cutOffConsent?.lost(conversationId, ctx, REPLY_AUTHOR) : undefined;
    if (lost) keepReply(ctx, conversationId, lost);
    // The feed: notices and answers of people; with ?alles=1 also the conversation's own questions and replies (history).
    const all = ctx.messages.since(conversationId, after);
    sendJson(res, 200, history ? all : all.filter((m) => m.author !== ASKER_AUTHOR && m.author !== REPLY_AUTHOR));
    return true;
  }
  if (req.method !== "POST" || (url.pathname !== "/api/messages" && url.pathname !== "/api/actions")) return false;

  const body = await readJsonOrRefuse(req, res);
  if (!body) return true;
  const conversationId = str(body.conversationId, 100) ?? "web";
  // A handoff's thread is the team's: an asker neither reads (above) nor writes there.
  if (conversationId.startsWith("handoff:")) return sendJson(res, 404, { error: "Niet gevonden." }), true;
  const client = clientAddress(req);
  const limited = ctx.rateLimit?.check(client, conversationId);
  if (limited && !limited.ok) return sendTooMany(res, limited, ctx.logger), true;
  // A press of "share", or a message while a consent question waits (a typed "ja"), may pass a question on to the tolken.
  // (Looked at only when the handoffs are capped: the consent question is a read of the database.)
  const sharing = !!ctx.rateLimit?.capsHandoffs
    && (url.pathname === "/api/actions" ? SHARING.has(body.action as string) : ctx.core.consentQuestion(ctx.channel, conversationId) !== undefined);
  const mayShare = sharing ? ctx.rateLimit?.mayShare(client) : undefined;
  if (mayShare && !mayShare.ok) return sendTooMany(res, mayShare, ctx.logger), true;
  const countShared = (reply: Reply) => {
    if (sharing && reply.kind === "consent" && reply.reason === "consent" && ctx.core.askerHandoff(ctx.channel, conversationId)?.status !== "declined") ctx.rateLimit?.shared(client);
  };
  const userId = str(body.userId, 100) ?? `web-${conversationId}`;
  const userName = str(body.userName, 100);

  if (url.pathname === "/api/messages") {
    if (typeof body.text !== "string") return sendJson(res, 400, { error: "Er kwam geen bericht mee. Typ je vraag en verstuur hem opnieuw." }), true;
    ctx.logger.debug("web message", { conversationId, text: body.text });
    // The question goes into the conversation's history before the core takes it in: a stop while it
    // is handled (or after) leaves the question on the page, and whatever the core committed follows it.
    if (body.text.trim()) ctx.messages.add(conversationId, ASKER_AUTHOR, body.text.slice(0, ctx.maxQuestionChars), undefined, userId);
    const text = body.text;
    const reply = await working(ctx, conversationId, () => ctx.core.handle({ channel: ctx.channel, conversationId, userId, userName, text }));
    countShared(reply);
    sendJson(res, 200, forPage(reply));
    return true;
  }
  const action = body.action as AskerAction["action"];
  if (!ASKER_ACTIONS.has(action)) return sendJson(res, 400, { error: "Onbekende actie." }), true;
  const reply = await working(ctx, conversationId, () => ctx.core.act({
    channel: ctx.channel, conversationId, userId, userName, action,
    question: str(body.question, 100_000), handoffId: str(body.handoffId, 100), eventKey: str(body.eventKey, 200),
    text: action === "reply" ? str(body.text, 20_000) : undefined,
  }));
  countShared(reply);
  sendJson(res, 200, forPage(reply));
  return true;
}

/** The core's reply to a question or press, kept in the conversation's feed; the conversation is known as under way meanwhile. */
async function working(ctx: RouteContext, conversationId: string, work: () => Promise<Reply>): Promise<Reply> {
  const handled = async () => {
    const reply = await work();
    keepReply(ctx, conversationId, reply);
    return reply;
  };
  return ctx.cutOffConsent ? ctx.cutOffConsent.during(conversationId, handled) : handled();
}

/** Keeps a reply in the conversation's feed (without the passages, which only the tolk needs); a repeated press's reply is shown, not kept. */
function keepReply(ctx: RouteContext, conversationId: string, reply: Reply): void {
  if (reply.reason === REPEATED_PRESS) return;
  ctx.messages.add(conversationId, REPLY_AUTHOR, JSON.stringify({ ...forPage(reply), passages: [] }));
}

/** The reply as the page shows it: with its buttons' labels and its badge in the asker's language. */
function forPage(reply: Reply): Reply & { labels: Record<string, string>; badge: string } {
  const labels = Object.fromEntries((reply.actions ?? []).map((action) => [action, actionLabel(action, reply.language)]));
  return { ...reply, labels, badge: repliesIn(reply.language).handoffBadge };
}

/** A path segment decoded, or undefined when its escapes are malformed ("%E0"): no conversation, not a server error. */
function decodedSegment(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
